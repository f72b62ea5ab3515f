using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Floke.Web.Infrastructure.Web;

/// <summary>A labelled select for a list filter, with "All" first. Usage: &lt;floke-filter name="stage" label="..." value="..." options="..." /&gt;</summary>
[HtmlTargetElement("floke-filter", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FilterTagHelper(HtmlEncoder encoder, Microsoft.Extensions.Localization.IStringLocalizer<Resources.SharedResource> l) : TagHelper
{
    public string Name { get; set; } = "";
    public string Label { get; set; } = "";
    public string? Value { get; set; }
    public IEnumerable<SelectListItem> Options { get; set; } = [];

    /// <summary>The years a period filter offers: 2015 to next year.</summary>
    public static IEnumerable<SelectListItem> Years() => Enumerable.Range(2015, DateTime.UtcNow.Year - 2015 + 2)
        .Select(y => new SelectListItem(y.ToString(System.Globalization.CultureInfo.InvariantCulture), y.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = $"filter-{Name}";
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "ds-field");
        var html = new System.Text.StringBuilder();
        html.Append($"<label class=\"ds-label\" for=\"{id}\">{encoder.Encode(Label)}</label>");
        html.Append($"<select class=\"ds-input\" id=\"{id}\" name=\"{encoder.Encode(Name)}\"><option value=\"\">{encoder.Encode(l["Filter.All"])}</option>");
        foreach (var option in Options)
        {
            var selected = option.Value == Value ? " selected" : "";
            html.Append($"<option value=\"{encoder.Encode(option.Value)}\"{selected}>{encoder.Encode(option.Text)}</option>");
        }
        html.Append("</select>");
        output.Content.SetHtmlContent(html.ToString());
    }
}
