using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Referrals;

namespace Uppsikt.Web.Features.Evidence.Complaints;

/// <summary>One complaint and its next step: forward (municipality), answer (the provider), close (municipality), and its files.</summary>
public sealed class DetailsModel(ComplaintsHandler handler, FileStore files, IAuthorizationService authorization, TimeProvider clock)
    : AttachmentsPageModel(files)
{
    public ComplaintDetails Complaint { get; private set; } = null!;

    public bool IsHandler { get; private set; }

    public bool IsProvider => User.IsProviderUser();

    public DateOnly DefaultDueOn => clock.SwedishToday().AddDays(14);

    public DateOnly Today => clock.SwedishToday();

    /// <summary>Posted texts, shown again when a post is refused.</summary>
    public string? AnswerText { get; private set; }

    public string? Note { get; private set; }

    protected override string OwnerType => ComplaintsHandler.FileOwnerType;

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostForwardAsync(Guid id, DateOnly? responseDueOn, int version, CancellationToken cancellationToken) =>
        await StepAsync(id, EvidencePolicies.Handler, () => handler.ForwardAsync(id, new ForwardInput(responseDueOn, version), cancellationToken),
            "Klagomålet är överlämnat till anordnaren.", cancellationToken);

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, [DataType(DataType.MultilineText)] string? response, int version, CancellationToken cancellationToken)
    {
        AnswerText = response;
        return await StepAsync(id, Policies.ProviderUser, () => handler.AnswerAsync(id, new AnswerInput(response, version), cancellationToken),
            "Ert svar är skickat till kommunen.", cancellationToken);
    }

    /// <summary>The stance form posts its fields by their own names, so that each error stands by its field (decision 0029).</summary>
    public Task<IActionResult> OnPostStanceAsync(Guid id, StanceInput stance, CancellationToken cancellationToken) =>
        StepAsync(id, EvidencePolicies.Handler, () => handler.RecordStanceAsync(id, stance, cancellationToken), "Ställningstagandet är registrerat.", cancellationToken);

    public async Task<IActionResult> OnPostCloseAsync(Guid id, [DataType(DataType.MultilineText)] string? note, int version, CancellationToken cancellationToken)
    {
        Note = note;
        return await StepAsync(id, EvidencePolicies.Handler, () => handler.CloseAsync(id, new CloseInput(note, version), cancellationToken),
            "Klagomålet är avslutat.", cancellationToken);
    }

    protected override async Task<bool> LoadMatterAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(id, Files, cancellationToken) is not { } complaint)
        {
            return false;
        }
        Complaint = complaint;
        IsHandler = (await authorization.AuthorizeAsync(User, EvidencePolicies.Handler)).Succeeded;
        return true;
    }

    /// <summary>Checks the role before anything is read or changed, then runs the step and shows the outcome.</summary>
    private async Task<IActionResult> StepAsync(Guid id, string policy, Func<Task<SaveResult>> step, string done, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, policy)).Succeeded)
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
