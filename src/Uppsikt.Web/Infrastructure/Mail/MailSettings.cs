using System.ComponentModel.DataAnnotations;
using MailKit.Security;
using MimeKit;

namespace Uppsikt.Web.Infrastructure.Mail;

/// <summary>The <c>Mail</c> section: the sender address, and SMTP when a host is set (otherwise .eml files in a folder).</summary>
public sealed class MailSettings : IValidatableObject
{
    public const string Section = "Mail";

    public string From { get; set; } = "Uppsikt <no-reply@uppsikt.example>";

    /// <summary>The address users open Uppsikt at (such as https://uppsikt.kommun.se), for links in e-mail; see <see cref="AppLinks"/>.</summary>
    public string? AppUrl { get; set; }

    /// <summary>Where messages are written as .eml files when no SMTP host is set; relative to the data folder.</summary>
    public string PickupFolder { get; set; } = "mail";

    public SmtpSettings Smtp { get; set; } = new();

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!MailboxAddress.TryParse(From, out _))
        {
            yield return new ValidationResult($"Mail:From är ingen giltig e-postadress: \"{From}\".", [nameof(From)]);
        }
        if (!string.IsNullOrWhiteSpace(AppUrl)
            && !(Uri.TryCreate(AppUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult($"Mail:AppUrl måste vara en fullständig adress som börjar med https://, inte \"{AppUrl}\".", [nameof(AppUrl)]);
        }
        if (Smtp.Port is < 1 or > 65535)
        {
            yield return new ValidationResult($"Mail:Smtp:Port måste vara mellan 1 och 65535, inte {Smtp.Port}.", [nameof(Smtp)]);
        }
    }
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>Auto, None, SslOnConnect, StartTls or StartTlsWhenAvailable.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>Leave empty for a relay that takes mail without signing in.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }
}
