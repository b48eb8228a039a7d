using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Infrastructure;

/// <summary>
/// <c>&lt;history-link entity="Unit" id="@unit.Id" /&gt;</c>: a link from a record's page to its history in the audit
/// trail, shown only to those who may read the trail (administrators); nothing for anyone else.
/// </summary>
[HtmlTargetElement("history-link", TagStructure = TagStructure.WithoutEndTag)]
public sealed class HistoryLinkTagHelper(IAuthorizationService authorization) : TagHelper
{
    /// <summary>The record's kind as the audit trail names it: the entity's type name, such as <c>Unit</c>.</summary>
    public required string Entity { get; set; }

    public Guid Id { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (!(await authorization.AuthorizeAsync(ViewContext.HttpContext.User, Policies.Administrator)).Succeeded)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "a";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("href", $"/Admin/Audit?entityType={Uri.EscapeDataString(Entity)}&entityId={Id}");
        output.Attributes.SetAttribute("class", "history-link");
        output.Content.SetContent("Visa ändringshistorik");
    }
}
