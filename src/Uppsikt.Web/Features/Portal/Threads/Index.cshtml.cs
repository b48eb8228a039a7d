namespace Uppsikt.Web.Features.Portal;

/// <summary>A provider user's thread with the municipality: the general one or the one about a matter of its own.</summary>
public sealed class ThreadsModel(PortalHandler handler) : ThreadPageModel(handler)
{
    public override string PortalUrl => "/Portal";

    protected override Guid? ProviderOf(Guid? id) => PortalHandler.OwnProvider(User);
}
