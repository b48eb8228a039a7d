using Uppsikt.Web.Features.Portal.Threads;

namespace Uppsikt.Web.Features.Portal.Providers;

/// <summary>The municipality's thread with one provider: the general one or the one about a matter of that provider.</summary>
public sealed class ThreadModel(ThreadsHandler handler) : ThreadPageModel(handler)
{
    public Guid ProviderId { get; private set; }

    public override string PortalUrl => $"/Portal/Providers/Details/{ProviderId}";

    protected override Guid? ProviderOf(Guid? id)
    {
        ProviderId = id ?? Guid.Empty;
        return id;
    }
}
