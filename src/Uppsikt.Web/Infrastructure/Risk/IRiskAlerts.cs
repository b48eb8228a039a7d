namespace Uppsikt.Web.Infrastructure.Risk;

/// <summary>
/// Continuous risk (decision 0031): a feature that receives something serious about a unit — a serious complaint, a serious
/// incident — raises it here once it is saved; the unit is re-scored at once and its responsible quality developer gets a task to
/// consider a called review, with the reason.
/// </summary>
public interface IRiskAlerts
{
    /// <param name="reason">Swedish, without anything about individuals: what arrived, e.g. "Allvarligt klagomål registrerat 3 mars 2026".</param>
    /// <param name="key">What the alert is about (the complaint's or incident's id): the same key raises one task only.</param>
    Task RaiseAsync(Guid unitId, string reason, Guid key, CancellationToken cancellationToken);
}
