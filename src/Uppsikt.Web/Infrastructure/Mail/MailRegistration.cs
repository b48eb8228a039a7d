using Uppsikt.Web.Infrastructure.Jobs;

namespace Uppsikt.Web.Infrastructure.Mail;

public static class MailRegistration
{
    /// <summary>The outbox, its sender and the transport the settings choose; the sender runs every minute as a job.</summary>
    public static IServiceCollection AddUppsiktMail(this IServiceCollection services)
    {
        services.AddSettings<MailSettings>(MailSettings.Section);
        services.AddSingleton<IMailTransport>(provider => provider.GetRequiredService<MailSettings>() is { UsesSmtp: true } settings
            ? new SmtpTransport(settings.Smtp)
            : new PickupFolderTransport(Path.Combine(provider.GetRequiredService<DatabaseSettings>().FullDataFolder,
                provider.GetRequiredService<MailSettings>().PickupFolder)));
        services.AddScoped<Outbox>();
        services.AddSingleton<AppLinks>();
        services.AddScoped<OutboxSender>();
        // Every minute on every instance: the sender claims each message before delivering it, so none goes twice.
        services.AddRecurringJob<OutboxSender>("Skicka e-post från utkorgen", "0 * * * * ?", onEveryInstance: true);
        return services;
    }
}

