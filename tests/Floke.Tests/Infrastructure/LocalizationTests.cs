using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Floke.Tests.Infrastructure;

/// <summary>Every text has a Norwegian and an English version, and every text the code asks for exists.</summary>
public partial class LocalizationTests
{
    private static readonly string SourceRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Floke.Web"));

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(SourceRoot, "Resources", file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    [Fact]
    public void NorwegianAndEnglish_HaveTheSameTexts()
    {
        var nb = Keys("SharedResource.resx");
        var en = Keys("SharedResource.en.resx");
        Assert.Empty(nb.Except(en));
        Assert.Empty(en.Except(nb));
    }

    [Fact]
    public void EveryTextUsedInCode_Exists()
    {
        var nb = Keys("SharedResource.resx");
        var used = Directory.EnumerateFiles(SourceRoot, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => TextKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();
        Assert.NotEmpty(used);
        Assert.Empty(used.Except(nb));
    }

    [Fact]
    public void EveryEnumValueShownOnScreen_HasText()
    {
        var nb = Keys("SharedResource.resx");
        var types = new[]
        {
            typeof(Floke.Web.Features.Needs.NeedStatus), typeof(Floke.Web.Features.Needs.AffectedGroups), typeof(Floke.Web.Features.Needs.Sectors),
            typeof(Floke.Web.Features.Needs.GovernmentLevels), typeof(Floke.Web.Core.Organizations.OrganizationKind),
            typeof(Floke.Web.Core.Organizations.MemberRole), typeof(Floke.Web.Core.Audit.AuditAction),
            typeof(Floke.Web.Features.Initiatives.InitiativeStage), typeof(Floke.Web.Features.Initiatives.InitiativeVisibility),
            typeof(Floke.Web.Features.Initiatives.Measures), typeof(Floke.Web.Features.Search.SearchKind), typeof(Floke.Web.Features.Initiatives.InnovationTypes),
            typeof(Floke.Web.Features.Initiatives.OecdFacet), typeof(Floke.Web.Features.Initiatives.Novelty),
            typeof(Floke.Web.Features.Initiatives.PartnerRole), typeof(Floke.Web.Features.Initiatives.GateOutcome),
            typeof(Floke.Web.Features.Experiments.ExperimentDesign), typeof(Floke.Web.Features.Experiments.LegalBasis),
            typeof(Floke.Web.Features.Experiments.ExperimentStatus), typeof(Floke.Web.Features.Experiments.ExperimentOutcome),
            typeof(Floke.Web.Features.Experiments.ExperimentDecision), typeof(Floke.Web.Features.Barriers.BarrierKind),
            typeof(Floke.Web.Features.Barriers.BarrierStatus), typeof(Floke.Web.Features.Barriers.BarrierResolution),
            typeof(Floke.Web.Features.Benefits.BenefitKind), typeof(Floke.Web.Features.Benefits.BenefitDirection),
            typeof(Floke.Web.Features.Benefits.BeneficiaryGroup), typeof(Floke.Web.Features.Benefits.RealisationStatus),
            typeof(Floke.Web.Features.Benefits.GovernmentLevel), typeof(Floke.Web.Features.Benefits.FlowView),
            typeof(Floke.Web.Features.Adoptions.AdoptionStatus),
        };
        var missing = types.SelectMany(t => Enum.GetNames(t).Where(n => n != "None").Select(n => $"{t.Name}.{n}")).Where(k => !nb.Contains(k));
        Assert.Empty(missing);
    }

    [GeneratedRegex("""\b[Ll]\["([A-Za-z0-9_.]+)"[\],]""")]
    private static partial Regex TextKey();
}
