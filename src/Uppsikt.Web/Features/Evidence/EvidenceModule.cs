using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Features.Evidence.Indicators;
using Uppsikt.Web.Infrastructure.Import;

namespace Uppsikt.Web.Features.Evidence;

/// <summary>Evidence (underlag): indicators with targets, their results per unit and the imports that bring them in.</summary>
public static class EvidenceModule
{
    public static IServiceCollection AddEvidenceFeature(this IServiceCollection services)
    {
        services.AddSingleton<IImportProcessor, IndicatorResultImport>();
        services.AddScoped<IndicatorsHandler>();
        services.AddScoped<IndicatorResults>();
        services.AddScoped<IndicatorFlags>();
        // The upload page takes files up to the import limit rather than the server's default request size.
        services.AddOptions<RazorPagesOptions>().Configure<ImportSettings>((options, settings) =>
            options.Conventions.AddPageApplicationModelConvention("/Evidence/Indicators/Imports/Index", page =>
            {
                page.EndpointMetadata.Add(new RequestSizeLimitAttribute(settings.MaxFileBytes + 1024 * 1024));
                page.EndpointMetadata.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = settings.MaxFileBytes + 1024 * 1024 });
            }));
        return services;
    }

    public static RouteGroupBuilder MapEvidenceApi(this RouteGroupBuilder api)
    {
        api.MapIndicatorsApi();
        return api;
    }
}
