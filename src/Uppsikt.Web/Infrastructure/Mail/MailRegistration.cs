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
        services.AddScoped<OutboxSender>();
        services.AddRecurringJob<OutboxSendJob>("Skicka e-post från utkorgen", "0 * * * * ?");
        return services;
    }
}

/// <summary>Every minute: deliver what is due in the outbox.</summary>
[Quartz.DisallowConcurrentExecution]
public sealed class OutboxSendJob(OutboxSender sender) : Quartz.IJob
{
    public Task Execute(Quartz.IJobExecutionContext context) => sender.SendPendingAsync(context.CancellationToken);
}
