namespace Uppsikt.Domain.Register;

/// <summary>Auktorisation (LOV) or avtal (LOU): a provider's right to deliver within a choice system.</summary>
public sealed class Authorisation : Entity
{
    public Guid ProviderId { get; set; }

    public Provider? Provider { get; set; }

    public Guid ChoiceSystemId { get; set; }

    public ChoiceSystem? ChoiceSystem { get; set; }

    public AgreementKind Kind { get; set; }

    public AuthorisationStatus Status { get; set; }

    public string? CaseNumber { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public string? Notes { get; set; }

    /// <summary>Whether the authorisation lets the provider deliver on the given day.</summary>
    public bool IsInForce(DateOnly day) =>
        Status == AuthorisationStatus.Active
        && (ValidFrom is null || ValidFrom <= day)
        && (ValidTo is null || day <= ValidTo);

    /// <summary>Checks the dates hang together; refused, naming <c>ValidTo</c>, when they do not.</summary>
    public Refusal? ValidateDates() =>
        ValidFrom is { } from && ValidTo is { } to && to < from
            ? Refusal.Invalid("Giltig till kan inte vara före giltig från.", nameof(ValidTo))
            : null;
}
