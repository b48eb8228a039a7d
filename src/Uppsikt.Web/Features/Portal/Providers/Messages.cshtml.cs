using Microsoft.AspNetCore.Mvc;
using Uppsikt.Web.Features.Portal.Threads;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Portal.Providers;

/// <summary>Every provider's message threads for the municipality, the latest written to first; or only those waiting for an answer.</summary>
public sealed class MessagesModel(ThreadsHandler handler) : ListPageModel
{
    /// <summary>Only the threads whose latest message is the provider's.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Waiting { get; set; }

    public PagedList<ProviderThreadRow> Threads { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Threads = await handler.ProviderThreadsAsync(Query, Waiting, cancellationToken);
}
