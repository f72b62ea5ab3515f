namespace Floke.Web.Features.OpenCalls;

/// <summary>How the pages show a call's phase and a proposal's status.</summary>
public static class OpenCallDisplay
{
    public static string Color(OpenCallPhase phase) => phase switch
    {
        OpenCallPhase.Open => "success",
        OpenCallPhase.Evaluating => "neutral",
        OpenCallPhase.Awarded => "info",
        OpenCallPhase.Draft => "warning",
        _ => "neutral",
    };

    public static string Color(ProposalStatus status) => status switch
    {
        ProposalStatus.Submitted => "success",
        ProposalStatus.Draft => "warning",
        _ => "neutral",
    };
}
