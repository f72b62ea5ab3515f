namespace Floke.Web.Features.Needs;

/// <summary>A page that shows the need form (create and edit), so that one partial renders the fields for both.</summary>
public interface INeedFormPage
{
    NeedForm Input { get; }
}
