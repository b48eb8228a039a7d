using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using MimeKit;
using Uppsikt.Domain.Audit;
using Uppsikt.Web.Infrastructure.Jobs;

namespace Uppsikt.Web.Infrastructure.Audit;

/// <summary>
/// The <c>Audit</c> section (decision 0035): the secret keys that seal the audit trail, which of them seals new rows, where
/// the signed checkpoints are written and who gets them by e-mail.
/// </summary>
public sealed partial class AuditSettings : IValidatableObject
{
    public const string Section = "Audit";

    /// <summary>The id of the key that seals new rows and checkpoints; one of <see cref="Keys"/>.</summary>
    public string? CurrentKeyId { get; set; }

    /// <summary>Every key by its id, each as Base64 of at least 32 random bytes. Keep retired keys: they verify what they sealed.</summary>
    public Dictionary<string, string> Keys { get; set; } = [];

    /// <summary>The append-only file of signed checkpoints, one a line; relative to the data folder.</summary>
    public string CheckpointFile { get; set; } = "audit-checkpoints.log";

    /// <summary>When the daily checkpoint is written, as a Quartz cron expression in Swedish time; by default 00:05 every day.</summary>
    public string CheckpointSchedule { get; set; } = "0 5 0 * * ?";

    /// <summary>An auditor's e-mail address that every checkpoint is mailed to; none when empty.</summary>
    public string? AuditorEmail { get; set; }

    public bool HasKeys => Keys.Count > 0;

    /// <summary>The configured keys as a ring; only when <see cref="HasKeys"/> and the settings are valid.</summary>
    public AuditKeyRing KeyRing() =>
        new(CurrentKeyId!, Keys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value), StringComparer.Ordinal));

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex KeyIdPattern();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (id, secret) in Keys)
        {
            if (!KeyIdPattern().IsMatch(id))
            {
                yield return new ValidationResult($"{Section}:Keys: nyckelns id ”{id}” får bara innehålla bokstäverna a–z och A–Z, siffror, punkt, bindestreck och understreck (högst 64 tecken).", [nameof(Keys)]);
            }
            var bytes = new byte[secret.Length];
            if (!Convert.TryFromBase64String(secret, bytes, out var length) || length < AuditKeyRing.MinimumKeyBytes)
            {
                yield return new ValidationResult($"{Section}:Keys:{id} måste vara Base64 av minst {AuditKeyRing.MinimumKeyBytes} slumpmässiga byte (till exempel från openssl rand -base64 32).", [nameof(Keys)]);
            }
        }
        if (HasKeys && (string.IsNullOrWhiteSpace(CurrentKeyId) || !Keys.ContainsKey(CurrentKeyId)))
        {
            yield return new ValidationResult($"{Section}:CurrentKeyId måste vara id:t för en av nycklarna i {Section}:Keys ({string.Join(", ", Keys.Keys)}), inte ”{CurrentKeyId}”.", [nameof(CurrentKeyId)]);
        }
        if (!HasKeys && !string.IsNullOrWhiteSpace(CurrentKeyId))
        {
            yield return new ValidationResult($"{Section}:CurrentKeyId är satt till ”{CurrentKeyId}” men {Section}:Keys är tom; lägg in nyckeln under {Section}:Keys:{CurrentKeyId}.", [nameof(CurrentKeyId)]);
        }
        if (string.IsNullOrWhiteSpace(CheckpointFile))
        {
            yield return new ValidationResult($"{Section}:CheckpointFile måste ange en fil för kontrollpunkterna.", [nameof(CheckpointFile)]);
        }
        if (JobsRegistration.CheckSchedule(Section + ":" + nameof(CheckpointSchedule), CheckpointSchedule) is { } error)
        {
            yield return error;
        }
        if (!string.IsNullOrWhiteSpace(AuditorEmail) && !MailboxAddress.TryParse(AuditorEmail, out _))
        {
            yield return new ValidationResult($"{Section}:AuditorEmail är ingen giltig e-postadress: ”{AuditorEmail}”.", [nameof(AuditorEmail)]);
        }
    }
}
