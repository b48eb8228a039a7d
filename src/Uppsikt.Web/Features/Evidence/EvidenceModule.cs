using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Identity;
using Uppsikt.Web.Features.Evidence.Complaints;
using Uppsikt.Web.Features.Evidence.Incidents;
using Uppsikt.Web.Features.Evidence.Indicators;
using Uppsikt.Web.Features.Evidence.Observations;
using Uppsikt.Web.Features.Evidence.Surveys;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Import;
using Uppsikt.Web.Infrastructure.Portal;
using Uppsikt.Web.Infrastructure.Timeline;

namespace Uppsikt.Web.Features.Evidence;

/// <summary>
/// Who may do what with complaints, observations and incidents. Reading is for every signed-in role, scoped by the query
/// filters; a provider answers a complaint forwarded to it under <see cref="Policies.ProviderUser"/>.
/// </summary>
public static class EvidencePolicies
{
    /// <summary>Registers, forwards and closes complaints; registers incidents, records referral stances and closes them.</summary>
    public const string Handler = "EvidenceHandler";

    /// <summary>Records case workers' observations.</summary>
    public const string ObservationRecorder = nameof(ObservationRecorder);

    /// <summary>Reports an incident: the municipality's handlers, or a provider for its own units.</summary>
    public const string IncidentReporter = nameof(IncidentReporter);
}

/// <summary>
/// Evidence (underlag): complaints, case workers' observations and incidents with the files attached to them, each also on the
/// unit's timeline; indicators with targets, their results per unit and the imports that bring them in.
/// </summary>
public static class EvidenceModule
{
    public static IServiceCollection AddEvidenceFeature(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(EvidencePolicies.Handler, p => p.RequireRole(Roles.QualityDeveloper, Roles.GroupManager))
            .AddPolicy(EvidencePolicies.ObservationRecorder, p => p.RequireRole(Roles.CaseWorker, Roles.QualityDeveloper))
            .AddPolicy(EvidencePolicies.IncidentReporter, p => p.RequireRole(Roles.QualityDeveloper, Roles.GroupManager, Roles.ProviderUser));
        services.AddScoped<ComplaintsHandler>();
        services.AddScoped<IFileMatters>(sp => sp.GetRequiredService<ComplaintsHandler>());
        services.AddScoped<IPortalMatterSource>(sp => sp.GetRequiredService<ComplaintsHandler>());
        services.AddScoped<IPortalRequestSource, ComplaintRequestSource>();
        services.AddScoped<IncidentsHandler>();
        services.AddScoped<IFileMatters>(sp => sp.GetRequiredService<IncidentsHandler>());
        services.AddScoped<ObservationsHandler>();
        services.AddSingleton<IUnitHistorySource, ComplaintHistory>();
        services.AddSingleton<IUnitHistorySource, IncidentHistory>();
        services.AddSingleton<IUnitHistorySource, ComplaintStanceHistory>();
        services.AddSingleton<IUnitHistorySource, IncidentStanceHistory>();
        services.AddSingleton<IUnitHistorySource, ObservationHistory>();
        services.AddScoped<EvidenceLookups>();
        services.AddScoped<Infrastructure.Home.IWorkSource, EvidenceWork>();
        services.AddSingleton<IImportProcessor, IndicatorResultImport>();
        services.AddScoped<IndicatorsHandler>();
        services.AddScoped<SurveysHandler>();
        services.AddScoped<ResultReleases>();
        services.AddScoped<IndicatorResults>();
        services.AddScoped<IndicatorFlags>();
        services.AddScoped<Infrastructure.Risk.IRiskSignalSource, EvidenceRiskSignals>();
        services.AddScoped<Infrastructure.Retention.IRetentionSource, ComplaintRetention>();
        services.AddScoped<Infrastructure.Retention.IRetentionSource, IncidentRetention>();
        services.AddScoped<Infrastructure.Retention.IRetentionSource, ObservationRetention>();
        // The upload page takes files up to the import limit rather than the server's default request size.
        services.Configure<RazorPagesOptions>(options =>
        {
            // The staff's evidence, and a provider's own complaints and incidents (decision 0036).
            options.Conventions.AuthorizeFolder("/Evidence", Policies.StaffOrProvider);
            options.Conventions.AuthorizePage("/Evidence/Complaints/Edit", EvidencePolicies.Handler);
            options.Conventions.AuthorizePage("/Evidence/Complaints/Summary", Policies.Staff);
            options.Conventions.AuthorizePage("/Evidence/Incidents/Edit", EvidencePolicies.IncidentReporter);
            options.Conventions.AuthorizePage("/Evidence/Incidents/Summary", Policies.Staff);
            options.Conventions.AuthorizePage("/Evidence/Observations/Index", Policies.Staff);
            options.Conventions.AuthorizePage("/Evidence/Observations/Edit", EvidencePolicies.ObservationRecorder);
            options.Conventions.AuthorizePage("/Evidence/Indicators/Index", Policies.Staff);
            options.Conventions.AuthorizePage("/Evidence/Indicators/EqualTerms", Policies.Staff);
            options.Conventions.AuthorizePage("/Evidence/Indicators/Edit", Policies.Editor);
            options.Conventions.AuthorizeFolder("/Evidence/Indicators/Imports", Policies.Editor);
            options.Conventions.AuthorizeFolder("/Evidence/Surveys", Policies.Staff);
            options.Conventions.AuthorizePage("/Evidence/Surveys/Edit", Policies.Editor);
        });
        services.AddOptions<RazorPagesOptions>().Configure<ImportSettings>((options, settings) =>
            options.Conventions.AddPageApplicationModelConvention("/Evidence/Indicators/Imports/Index", page =>
            {
                page.EndpointMetadata.Add(new RequestSizeLimitAttribute(FilesModule.BodyLimit(settings.MaxFileBytes)));
                page.EndpointMetadata.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = FilesModule.BodyLimit(settings.MaxFileBytes) });
            }));
        return services;
    }

    public static RouteGroupBuilder MapEvidenceApi(this RouteGroupBuilder api)
    {
        api.MapComplaintsApi();
        api.MapIncidentsApi();
        api.MapObservationsApi();
        api.MapIndicatorsApi();
        api.MapSurveysApi();
        return api;
    }
}

/// <summary>Units to choose from, as the caller may see them: a provider user gets its own.</summary>
public sealed class EvidenceLookups(AppDbContext db)
{
    public async Task<List<SelectListItem>> UnitsAsync(CancellationToken cancellationToken) =>
        await db.Units.AsNoTracking().Where(u => u.ClosedOn == null).OrderBy(u => u.Name)
            .Select(u => new SelectListItem(u.Name, u.Id.ToString())).ToListAsync(cancellationToken);
}

