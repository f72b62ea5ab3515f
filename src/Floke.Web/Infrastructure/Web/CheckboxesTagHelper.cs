using System.Collections;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Floke.Web.Infrastructure.Web;

/// <summary>A Designsystemet fieldset of checkboxes for a set of values (e.g. who is affected), or of radio buttons for
/// one choice (radio="true"), with legend and error. Usage: &lt;floke-checkboxes for="Input.AffectedGroups" legend="..." options="@items" /&gt;</summary>
[HtmlTargetElement("floke-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CheckboxesTagHelper(HtmlEncoder encoder) : TagHelper
{
    public ModelExpression For { get; set; } = null!;
    public string Legend { get; set; } = "";
    public string? Description { get; set; }
    public IEnumerable<SelectListItem> Options { get; set; } = [];
    /// <summary>One choice only: radio buttons.</summary>
    public bool Radio { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var errors = state?.Errors.Select(e => e.ErrorMessage).Where(m => m.Length > 0).ToList() ?? [];
        var chosen = state?.AttemptedValue is { } attempted
            ? attempted.Split(',').Select(s => s.Trim()).ToHashSet()
            : ((For.Model as IEnumerable)?.Cast<object>().Select(o => o.ToString()!) ?? []).ToHashSet();

        output.TagName = "fieldset";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "ds-fieldset");
        output.Attributes.SetAttribute("id", id);
        var describedBy = new List<string>();
        var html = new System.Text.StringBuilder();
        html.Append($"<legend class=\"ds-label\">{encoder.Encode(Legend)}</legend>");
        if (Description is { Length: > 0 })
        {
            html.Append($"<p class=\"ds-paragraph\" data-field=\"description\" data-size=\"sm\" id=\"{id}-desc\">{encoder.Encode(Description)}</p>");
            describedBy.Add($"{id}-desc");
        }
        if (errors.Count > 0)
        {
            describedBy.Add($"{id}-error");
            output.Attributes.SetAttribute("aria-invalid", "true");
        }
        if (describedBy.Count > 0)
        {
            output.Attributes.SetAttribute("aria-describedby", string.Join(' ', describedBy));
        }
        var i = 0;
        foreach (var option in Options)
        {
            var optionId = $"{id}_{i++}";
            var isChecked = chosen.Contains(option.Value) ? " checked" : "";
            html.Append($"<div class=\"ds-field checkbox-row\"><input class=\"ds-input\" type=\"{(Radio ? "radio" : "checkbox")}\" id=\"{optionId}\" name=\"{encoder.Encode(name)}\" value=\"{encoder.Encode(option.Value)}\"{isChecked}>");
            html.Append($"<label class=\"ds-label\" data-weight=\"regular\" for=\"{optionId}\">{encoder.Encode(option.Text)}</label></div>");
        }
        foreach (var error in errors)
        {
            html.Append($"<p class=\"ds-validation-message\" data-size=\"sm\" id=\"{id}-error\">{encoder.Encode(error)}</p>");
        }
        output.Content.SetHtmlContent(html.ToString());
    }
}
