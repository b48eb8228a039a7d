using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Register.Providers;

/// <summary>What a person or integration sends to add or change a subcontractor of a provider.</summary>
public sealed record SubcontractorInput(string? Name, string? OrganisationNumber, int? Tier, [DataType(DataType.MultilineText)] string? Scope, int Version = 0);

/// <summary>Adds, changes and removes a provider's subcontractors in every tier. A provider outside the caller's scope is "not found".</summary>
public sealed class SubcontractorsHandler(AppDbContext db)
{
    public const int MaxTier = 5;

    /// <summary>The provider's subcontractors by tier, or null when the provider does not exist or is outside the caller's scope.</summary>
    public async Task<IReadOnlyList<SubcontractorDetails>?> ListAsync(Guid providerId, CancellationToken cancellationToken) =>
        await db.Providers.AsNoTracking().Where(p => p.Id == providerId)
            .Select(p => p.Subcontractors.OrderBy(s => s.Tier).ThenBy(s => s.Name)
                .Select(s => new SubcontractorDetails(s.Id, s.Name, s.OrganisationNumber, s.Tier, s.Scope, s.Version)).ToList())
            .FirstOrDefaultAsync(cancellationToken);

    public Task<SubcontractorDetails?> GetAsync(Guid providerId, Guid subcontractorId, CancellationToken cancellationToken) =>
        db.Subcontractors.AsNoTracking().Where(s => s.Id == subcontractorId && s.ProviderId == providerId)
            .Select(s => new SubcontractorDetails(s.Id, s.Name, s.OrganisationNumber, s.Tier, s.Scope, s.Version))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<SaveResult> SaveAsync(Guid providerId, Guid? subcontractorId, SubcontractorInput input, CancellationToken cancellationToken)
    {
        if (!await db.Providers.AnyAsync(p => p.Id == providerId, cancellationToken))
        {
            return SaveResult.Missing();
        }
        var subcontractor = subcontractorId is null ? null
            : await db.Subcontractors.FirstOrDefaultAsync(s => s.Id == subcontractorId && s.ProviderId == providerId, cancellationToken);
        if (subcontractorId is not null && subcontractor is null)
        {
            return SaveResult.Missing();
        }

        var check = new Validation();
        var name = check.Required(nameof(SubcontractorInput.Name), "underleverantörens namn", input.Name);
        var number = check.OrganisationNumber(nameof(SubcontractorInput.OrganisationNumber), input.OrganisationNumber, required: false);
        if (input.Tier is not (>= 1 and <= MaxTier))
        {
            check.Add(nameof(SubcontractorInput.Tier),
                $"Välj led mellan 1 och {MaxTier}: 1 om anordnaren själv anlitar underleverantören, 2 om en underleverantör i led 1 gör det, och så vidare.");
        }
        var scope = check.Optional(nameof(SubcontractorInput.Scope), "beskrivningen av uppdraget", input.Scope, 4000);
        if (!check.IsValid)
        {
            return check.Fail();
        }

        if (subcontractor is null)
        {
            subcontractor = new Subcontractor { ProviderId = providerId, Name = name };
            db.Subcontractors.Add(subcontractor);
        }
        else
        {
            db.ExpectVersion(subcontractor, input.Version);
        }
        subcontractor.Name = name;
        subcontractor.OrganisationNumber = number?.Value;
        subcontractor.Tier = input.Tier!.Value;
        subcontractor.Scope = scope;
        return await db.SaveOrConflictAsync(subcontractor.Id, cancellationToken);
    }

    /// <summary>Removes a subcontractor; with a version, only if nobody has changed it since it was read.</summary>
    public async Task<SaveResult> RemoveAsync(Guid providerId, Guid subcontractorId, int? version, CancellationToken cancellationToken)
    {
        var subcontractor = await db.Subcontractors.FirstOrDefaultAsync(s => s.Id == subcontractorId && s.ProviderId == providerId, cancellationToken);
        if (subcontractor is null)
        {
            return SaveResult.Missing();
        }
        if (version is { } expected)
        {
            db.ExpectVersion(subcontractor, expected);
        }
        db.Subcontractors.Remove(subcontractor);
        return await db.SaveOrConflictAsync(subcontractor.Id, cancellationToken);
    }
}
