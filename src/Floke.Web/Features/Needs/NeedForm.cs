namespace Floke.Web.Features.Needs;

/// <summary>The need form's fields as a browser posts them: flag sets as lists of checked values.</summary>
public sealed class NeedForm
{
    public string? Title { get; set; }
    public List<AffectedGroups> AffectedGroups { get; set; } = [];
    public string? UserExperience { get; set; }
    public string? CurrentSituation { get; set; }
    public List<Sectors> Sectors { get; set; } = [];
    public List<GovernmentLevels> Levels { get; set; } = [];

    public NeedInput ToInput() => new(Title, Infrastructure.Api.Flags.Combine(AffectedGroups), UserExperience, CurrentSituation,
        Infrastructure.Api.Flags.Combine(Sectors), Infrastructure.Api.Flags.Combine(Levels));

    public static NeedForm From(NeedView n) => new()
    {
        Title = n.Title,
        AffectedGroups = [.. Infrastructure.Api.Flags.Split(n.AffectedGroups)],
        UserExperience = n.UserExperience,
        CurrentSituation = n.CurrentSituation,
        Sectors = [.. Infrastructure.Api.Flags.Split(n.Sectors)],
        Levels = [.. Infrastructure.Api.Flags.Split(n.Levels)],
    };
}
