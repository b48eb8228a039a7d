using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Uppsikt.Web.Infrastructure;

/// <summary>
/// Every <c>&lt;table&gt;</c> in the site is wrapped in a box that scrolls sideways on its own, so a wide table never makes
/// the page wider than the window (WCAG 1.4.10, reflow). The box is a named region a keyboard can reach (tab to it and
/// scroll with the arrow keys); it is named by the table's caption, or "Tabell" when the table has none.
/// </summary>
[HtmlTargetElement("table")]
public sealed class ScrollingTableTagHelper : TagHelper
{
    internal const string CaptionKey = "Uppsikt.ScrollingTable.Caption";

    /// <summary>Runs before the caption's helper so that the caption can report its id.</summary>
    public override int Order => -1000;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var caption = new CaptionHolder();
        context.Items[CaptionKey] = caption;
        var content = await output.GetChildContentAsync();
        output.Content.SetHtmlContent(content);
        var label = caption.Id is null ? "aria-label=\"Tabell\"" : $"aria-labelledby=\"{System.Net.WebUtility.HtmlEncode(caption.Id)}\"";
        output.PreElement.SetHtmlContent($"<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" {label}>");
        output.PostElement.SetHtmlContent("</div>");
    }

    internal sealed class CaptionHolder
    {
        public string? Id { get; set; }
    }
}

/// <summary>Gives a table's caption an id, when it has none, so that the scrolling box around the table can be named by it.</summary>
[HtmlTargetElement("caption", ParentTag = "table")]
public sealed class ScrollingTableCaptionTagHelper : TagHelper
{
    private const string CounterKey = "Uppsikt.ScrollingTable.Counter";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!context.Items.TryGetValue(ScrollingTableTagHelper.CaptionKey, out var value) || value is not ScrollingTableTagHelper.CaptionHolder holder)
        {
            return;
        }
        if (output.Attributes.TryGetAttribute("id", out var existing) && existing.Value?.ToString() is { Length: > 0 } id)
        {
            holder.Id = id;
            return;
        }
        var items = ViewContext.HttpContext.Items;
        var next = items.TryGetValue(CounterKey, out var counter) && counter is int n ? n + 1 : 1;
        items[CounterKey] = next;
        holder.Id = "table-caption-" + next.ToString(CultureInfo.InvariantCulture);
        output.Attributes.SetAttribute("id", holder.Id);
    }
}
