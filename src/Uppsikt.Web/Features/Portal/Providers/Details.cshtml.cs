namespace Uppsikt.Web.Features.Portal.Providers;

/// <summary>The municipality's view of one provider's portal, where it also writes to the provider.</summary>
public sealed class DetailsModel(PortalHandler handler) : PortalPageModel(handler)
{
    protected override Guid? ProviderOf(Guid? id) => id;
}
