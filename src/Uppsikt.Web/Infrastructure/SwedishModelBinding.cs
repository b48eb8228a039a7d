using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Uppsikt.Web.Infrastructure;

/// <summary>Model binding's own messages (a letter in a number field, a missing value) in Swedish.</summary>
public static class SwedishModelBinding
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"”{value}” är inte ett giltigt värde för {field}.");
        messages.SetMissingBindRequiredValueAccessor(field => $"Ange {field}.");
        messages.SetMissingKeyOrValueAccessor(() => "Ett värde saknas.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Förfrågan saknar innehåll.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"”{value}” är inte ett giltigt värde.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Värdet är ogiltigt.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Värdet måste vara ett tal.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"Värdet för {field} är ogiltigt.");
        messages.SetValueIsInvalidAccessor(value => $"”{value}” är ogiltigt.");
        messages.SetValueMustBeANumberAccessor(field => $"{field} måste vara ett tal.");
        messages.SetValueMustNotBeNullAccessor(field => $"Ange {field}.");
    }
}
