using Uppsikt.Web.Infrastructure.Jobs;

namespace Uppsikt.Web.Infrastructure.Mail;

public static class MailRegistration
{
    /// <summary>The outbox, its sender and the transport the settings choose; the sender runs every minute as a job.</summary>
    public static IServiceCollection AddUppsiktMail(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(MailSettings.Section).Get<MailSettings>() ?? new MailSettings();
        services.AddSingleton(settings);
        services.AddSingleton<IMailTransport>(provider => settings.UsesSmtp
            ? new SmtpTransport(settings.Smtp)
            : new PickupFolderTransport(Path.Combine(provider.GetRequiredService<DatabaseSettings>().FullDataFolder, settings.PickupFolder)));
        services.AddScoped<Outbox>();
        services.AddSingleton<AppLinks>();
        services.AddScoped<OutboxSender>();
        services.AddRecurringJob<OutboxSender>("Skicka e-post från utkorgen", "0 * * * * ?");
        return services;
    }
}

