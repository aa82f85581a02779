using Governance.Core.Notifications;
using Governance.Core.Storage;
using Microsoft.Extensions.Options;

namespace Governance.Api.Notifications;

public static class NotificationExtensions
{
    /// <summary>The notification feed, the members' notification service, the daily digest over SMTP (when Email:Smtp:Host is set), and the worker that runs them.</summary>
    public static WebApplicationBuilder AddGovernanceNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SmtpOptions>().BindConfiguration("Email:Smtp")
            .Validate(o => o.Port is > 0 and < 65_536, "Email:Smtp:Port must be a TCP port.")
            .Validate(o => o.Security is "auto" or "starttls" or "tls" or "none", "Email:Smtp:Security must be auto, starttls, tls or none.")
            .ValidateOnStart();
        services.AddOptions<NotificationOptions>().BindConfiguration("Notifications")
            .Validate(o => o.PollMilliseconds is >= 10 and <= 60_000, "Notifications:PollMilliseconds must be between 10 and 60000.")
            .Validate(o => o.SweepSeconds is >= 1 and <= 3_600, "Notifications:SweepSeconds must be between 1 and 3600.")
            .ValidateOnStart();
        services.AddSingleton(sp => new NotificationFeed(sp.GetRequiredService<Database>(), sp.GetRequiredService<Governance.Core.Delegation.EngineHost>()));
        services.AddSingleton(sp => new NotificationService(sp.GetRequiredService<Database>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new NotificationDigest(sp.GetRequiredService<Database>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddHostedService<NotificationWorker>();
        return builder;
    }
}
