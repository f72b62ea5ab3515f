using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Floke.Web.Infrastructure.Web;

/// <summary>A Designsystemet form field: label, optional description, input or textarea, and the field's error —
/// tied together with for/id, aria-describedby and aria-invalid so that screen readers announce them together.
/// Usage: &lt;floke-field for="Input.Title" label="@L["Need.Title"]" /&gt;</summary>
[HtmlTargetElement("floke-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(HtmlEncoder encoder) : TagHelper
{
    public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; } = null!;
    public string Label { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>text, email, password, textarea, url, select.</summary>
    public string Type { get; set; } = "text";
    /// <summary>For a select: its choices.</summary>
    public IEnumerable<SelectListItem> Options { get; set; } = [];
    /// <summary>For a select: the text of a first, empty choice; none when null.</summary>
    public string? EmptyOption { get; set; }
    public string? Autocomplete { get; set; }
    public bool Required { get; set; }
    public int? MaxLength { get; set; }
    public int Rows { get; set; } = 5;
    /// <summary>The keyboard a phone shows, e.g. "decimal" for amounts.</summary>
    public string? Inputmode { get; set; }
    /// <summary>Input width class for short values such as numbers.</summary>
    public string? Width { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var errors = state?.Errors.Select(e => e.ErrorMessage).Where(m => m.Length > 0).ToList() ?? [];
        // After a failed post, show what the person typed, not the model's value: nothing they wrote is lost.
        var value = Type == "file" ? null : state?.AttemptedValue ?? (Type == "password" ? null : Format(For.Model));

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "ds-field");
        var html = new System.Text.StringBuilder();
        html.Append($"<label class=\"ds-label\" for=\"{id}\">{encoder.Encode(Label)}");
        if (Required)
        {
            html.Append(" <span class=\"required-mark\" aria-hidden=\"true\">*</span>");
        }
        html.Append("</label>");
        var describedBy = new List<string>();
        if (Description is { Length: > 0 })
        {
            html.Append($"<p class=\"ds-paragraph\" data-field=\"description\" data-size=\"sm\" id=\"{id}-desc\">{encoder.Encode(Description)}</p>");
            describedBy.Add($"{id}-desc");
        }
        if (errors.Count > 0)
        {
            describedBy.Add($"{id}-error");
        }
        var attrs = new System.Text.StringBuilder();
        attrs.Append($" class=\"ds-input{(Width is null ? "" : " " + Width)}\" id=\"{id}\" name=\"{encoder.Encode(name)}\"");
        if (describedBy.Count > 0)
        {
            attrs.Append($" aria-describedby=\"{string.Join(' ', describedBy)}\"");
        }
        if (errors.Count > 0)
        {
            attrs.Append(" aria-invalid=\"true\"");
        }
        if (Required)
        {
            attrs.Append(" required aria-required=\"true\"");
        }
        if (MaxLength is { } max)
        {
            attrs.Append($" maxlength=\"{max}\"");
        }
        if (Inputmode is { Length: > 0 })
        {
            attrs.Append($" inputmode=\"{encoder.Encode(Inputmode)}\"");
        }
        if (Autocomplete is { Length: > 0 })
        {
            attrs.Append($" autocomplete=\"{encoder.Encode(Autocomplete)}\"");
        }
        if (Type == "select")
        {
            html.Append($"<select{attrs}>");
            if (EmptyOption is not null)
            {
                html.Append($"<option value=\"\">{encoder.Encode(EmptyOption)}</option>");
            }
            foreach (var option in Options)
            {
                var selected = option.Value == value ? " selected" : "";
                html.Append($"<option value=\"{encoder.Encode(option.Value)}\"{selected}>{encoder.Encode(option.Text)}</option>");
            }
            html.Append("</select>");
        }
        else if (Type == "textarea")
        {
            html.Append($"<textarea{attrs} rows=\"{Rows}\">{encoder.Encode(value ?? "")}</textarea>");
        }
        else
        {
            html.Append($"<input type=\"{encoder.Encode(Type)}\"{attrs}");
            if (value is not null)
            {
                html.Append($" value=\"{encoder.Encode(value)}\"");
            }
            html.Append('>');
        }
        foreach (var error in errors)
        {
            html.Append($"<p class=\"ds-validation-message\" data-size=\"sm\" id=\"{id}-error\">{encoder.Encode(error)}</p>");
        }
        output.Content.SetHtmlContent(html.ToString());
    }

    // Dates as a date input wants them; amounts as Norwegians write them, which is how the form reads them back.
    private static string? Format(object? model) => model switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.##", Formatting.Norwegian),
        _ => model.ToString(),
    };
}
