using MailKit.Security;

namespace Uppsikt.Web.Infrastructure.Mail;

/// <summary>The <c>Mail</c> section: the sender address, and SMTP when a host is set (otherwise .eml files in a folder).</summary>
public sealed class MailSettings
{
    public const string Section = "Mail";

    public string From { get; set; } = "Uppsikt <no-reply@uppsikt.example>";

    /// <summary>The address users open Uppsikt at (such as https://uppsikt.kommun.se), for links in e-mail; see <see cref="AppLinks"/>.</summary>
    public string? AppUrl { get; set; }

    /// <summary>Where messages are written as .eml files when no SMTP host is set; relative to the data folder.</summary>
    public string PickupFolder { get; set; } = "mail";

    public SmtpSettings Smtp { get; set; } = new();

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
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
