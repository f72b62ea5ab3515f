using Floke.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Infrastructure.Web.Pages;

/// <summary>A readable page for errors and status codes, never a stack trace.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public string Heading { get; private set; } = "";
    public string Text { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        var key = status switch
        {
            404 => "NotFound",
            403 => "Forbidden",
            400 => "BadRequest",
            _ => "ServerError",
        };
        Heading = l[$"Error.{key}.Heading"];
        Text = l[$"Error.{key}.Text"];
    }
}
