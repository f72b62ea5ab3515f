using Floke.Tests.TestSupport;
using Floke.Web.Core.Audit;

namespace Floke.Tests.Infrastructure.Data;

/// <summary>The contexts are pooled: an instance serves one scope after another, and must not carry what one scope set on
/// it into the next.</summary>
[Collection("app")]
public class ContextPoolTests(Apps apps)
{
    public static TheoryData<string> Providers => Apps.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task AContextBackFromThePool_NoLongerNamesTheActorAnEarlierScopeSet(string provider)
    {
        var app = apps[provider];
        object first;
        await using (var scope = app.Scope())
        {
            var db = app.Db(scope);
            db.ActorOverride = new AuditActor(null, "seeding"); // as the demo data and the admin command do
            first = db;
        }
        // Take contexts until the pool hands that instance back: its audit entries must name the next request's user.
        for (var i = 0; i < 2048; i++)
        {
            await using var scope = app.Scope();
            var db = app.Db(scope);
            if (ReferenceEquals(db, first))
            {
                Assert.Null(db.ActorOverride);
                return;
            }
        }
        Assert.Fail("The pool never handed the context back: the contexts are expected to be pooled.");
    }
}
