using Uppsikt.Web.Infrastructure.Portal;

namespace Uppsikt.Web.Features.Portal.Threads;

/// <summary>A provider user's thread with the municipality: the general one or the one about a matter of its own.</summary>
public sealed class IndexModel(ThreadsHandler handler) : ThreadPageModel(handler)
{
    public override string PortalUrl => "/Portal";

    protected override Guid? ProviderOf(Guid? id) => PortalAccess.OwnProvider(User);
}
