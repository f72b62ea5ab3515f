using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Features.Search;

/// <summary>What a "has anyone done this before?" panel shows, and which fields feed it.</summary>
public sealed record SimilarPanel(string For, string TitleField, string TextField, IReadOnlyList<SimilarItem>? Items)
{
    /// <summary>What a new need or initiative is compared with: a need with needs and the initiatives that may already
    /// solve it; an initiative with initiatives.</summary>
    public static IReadOnlyCollection<SearchKind> KindsFor(string? form) =>
        form == "need" ? [SearchKind.Need, SearchKind.Initiative] : [SearchKind.Initiative];
}

/// <summary>/search/similar: the suggestions list alone, for the form's script to place while someone writes.</summary>
public sealed class SimilarModel(SearchQueries queries) : PageModel
{
    public IReadOnlyList<SimilarItem>? Items { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "for")] string? form, string? title, string? text, CancellationToken ct) =>
        Items = string.IsNullOrWhiteSpace(title) && string.IsNullOrWhiteSpace(text)
            ? null
            : await queries.SimilarAsync(Cut(title), Cut(text), SimilarPanel.KindsFor(form), ct);

    private static string? Cut(string? s) => s is { Length: > 2000 } ? s[..2000] : s;
}
