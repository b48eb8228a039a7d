using Uppsikt.Domain.Evidence;

namespace Uppsikt.Web.Infrastructure;

/// <summary>The validation every free text about service users shares (rule 9), whichever feature takes the text.</summary>
public static class PersonalIdentityNumbers
{
    /// <summary>Refuses a text that names a service user by personal identity number (rule 9).</summary>
    public static void NoPersonalIdentityNumber(this Validation check, string field, string label, string? text)
    {
        if (PersonalIdentityNumberDetector.Contains(text))
        {
            check.Add(field, PersonalIdentityNumberDetector.Message(label));
        }
    }
}
