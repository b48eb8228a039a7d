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

/// <summary>Optimistic concurrency for the provider forms, done the way the units register does it.</summary>
internal static class VersionedSave
{
    /// <summary>Checks the save against the version the caller last read; the row's version is bumped even if nothing else changed.</summary>
    public static void ExpectVersion<T>(this AppDbContext db, T entity, int version) where T : Entity
    {
        var property = db.Entry(entity).Property(e => e.Version);
        property.OriginalValue = version;
        property.IsModified = true;
    }

    /// <summary>Saves (audited by the context); someone else's change in between is a conflict, not a lost update.</summary>
    public static async Task<SaveResult> SaveOrConflictAsync(this AppDbContext db, Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Stale();
        }
        return SaveResult.Saved(id);
    }
}
