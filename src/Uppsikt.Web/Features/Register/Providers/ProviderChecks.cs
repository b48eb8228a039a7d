using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Register.Providers;

/// <summary>Field checks the provider, person and subcontractor forms share.</summary>
internal static class ProviderChecks
{
    /// <summary>
    /// A validated organisation number, or null. An optional field may be left empty; otherwise the Swedish reason
    /// from <see cref="Domain.Register.OrganisationNumber.TryParse"/> goes on the field as it is.
    /// </summary>
    public static Domain.Register.OrganisationNumber? OrganisationNumber(this Validation check, string field, string? input, bool required)
    {
        if (!required && string.IsNullOrWhiteSpace(input))
        {
            return null;
        }
        if (Domain.Register.OrganisationNumber.TryParse(input, out var number, out var error))
        {
            return number;
        }
        check.Add(field, error);
        return null;
    }

    /// <summary>An optional e-mail address: trimmed, empty becomes null, and it must look like name@domain.se.</summary>
    public static string? Email(this Validation check, string field, string? input)
    {
        var text = check.Optional(field, "e-postadressen", input, 254);
        if (text is not null
            && !(MailAddress.TryCreate(text, out var address) && address.Address == text && address.Host.Contains('.', StringComparison.Ordinal)))
        {
            check.Add(field, $"”{text}” är inte en giltig e-postadress. Skriv den som namn@exempel.se.");
        }
        return text;
    }
}
