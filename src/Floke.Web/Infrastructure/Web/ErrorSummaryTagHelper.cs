using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Floke.Web.Infrastructure.Web;

/// <summary>Designsystemet's error summary: every error of the form at the top, each linking to its field.
/// Renders nothing when the form has no errors.</summary>
[HtmlTargetElement("floke-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper(HtmlEncoder encoder) : TagHelper
{
    public string Heading { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var errors = ViewContext.ViewData.ModelState
            .Where(kv => kv.Value is { Errors.Count: > 0 })
            .SelectMany(kv => kv.Value!.Errors.Select(e => (Key: kv.Key, e.ErrorMessage)))
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "ds-error-summary");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("data-autofocus", "true");
        output.Attributes.SetAttribute("aria-labelledby", "error-summary-heading");
        var html = new System.Text.StringBuilder();
        html.Append($"<h2 class=\"ds-heading\" data-size=\"xs\" id=\"error-summary-heading\">{encoder.Encode(Heading)}</h2><ul class=\"ds-list\">");
        foreach (var (key, message) in errors)
        {
            var target = key.Length == 0 ? "main-content" : TagBuilder.CreateSanitizedId(key, "_");
            html.Append($"<li><a class=\"ds-link\" href=\"#{target}\">{encoder.Encode(message)}</a></li>");
        }
        html.Append("</ul>");
        output.Content.SetHtmlContent(html.ToString());
    }
}
