using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Referrals;

namespace Uppsikt.Web.Features.Evidence.Incidents;

/// <summary>One incident: its referral stances and closing (municipality), and its files (both sides).</summary>
public sealed class DetailsModel(IncidentsHandler handler, FileStore files, IAuthorizationService authorization, TimeProvider clock)
    : AttachmentsPageModel(files)
{
    public IncidentDetails Incident { get; private set; } = null!;

    public bool IsHandler { get; private set; }

    public bool CanEdit { get; private set; }

    public DateOnly Today => clock.SwedishToday();

    public string? Note { get; private set; }

    protected override string OwnerType => IncidentsHandler.FileOwnerType;

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    /// <summary>The stance form posts its fields by their own names, so that each error stands by its field (decision 0029).</summary>
    public Task<IActionResult> OnPostStanceAsync(Guid id, StanceInput stance, CancellationToken cancellationToken) =>
        StepAsync(id, () => handler.RecordStanceAsync(id, stance, cancellationToken), "Ställningstagandet är registrerat.", cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(Guid id, [DataType(DataType.MultilineText)] string? note, int version, CancellationToken cancellationToken)
    {
        Note = note;
        return StepAsync(id, () => handler.CloseAsync(id, new IncidentCloseInput(note, version), cancellationToken), "Händelsen är avslutad.", cancellationToken);
    }

    protected override async Task<bool> LoadMatterAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(id, Files, cancellationToken) is not { } incident)
        {
            return false;
        }
        Incident = incident;
        IsHandler = (await authorization.AuthorizeAsync(User, EvidencePolicies.Handler)).Succeeded;
        CanEdit = incident.Status == IncidentStatus.Open
            && (IsHandler || (User.IsProviderUser() && incident.ReportedBy == IncidentReporter.Provider));
        return true;
    }

    private async Task<IActionResult> StepAsync(Guid id, Func<Task<SaveResult>> step, string done, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, EvidencePolicies.Handler)).Succeeded)
        {
            return Forbid();
        }
        var result = await step();
        if (result.Succeeded)
        {
            TempData["Message"] = done;
            return RedirectToPage(new { id });
        }
        if (this.Refused(result, prefix: "") is { } refused)
        {
            return refused;
        }
        return await ShowAsync(id, cancellationToken);
    }
}
