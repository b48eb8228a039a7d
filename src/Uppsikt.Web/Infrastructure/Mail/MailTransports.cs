using MailKit.Net.Smtp;
using MimeKit;

namespace Uppsikt.Web.Infrastructure.Mail;

/// <summary>Delivers one built message; the outbox sender decides what and when.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>Development and demo: each message becomes an .eml file in the pickup folder, readable in any mail program.</summary>
public sealed class PickupFolderTransport(string folder) : IMailTransport
{
    public string Folder => folder;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        // Named after the message, so a retry after a crash rewrites the same file rather than adding a second.
        await message.WriteToAsync(Path.Combine(folder, (message.MessageId?.Split('@')[0] ?? Guid.CreateVersion7().ToString("N")) + ".eml"), cancellationToken);
    }
}

/// <summary>Production: MailKit over SMTP, a connection per message (reminder volumes are small).</summary>
public sealed class SmtpTransport(SmtpSettings settings) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Mail:Smtp:Host saknas."), settings.Port, settings.Security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
