using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Floke.Tests.TestSupport;

/// <summary>Runs <see cref="BeforeCommit"/> just before the app commits a transaction, so a test can act at that moment
/// (e.g. the client leaving). Tests in the "app" collection run one at a time; set it in a try and clear it in the finally.</summary>
public sealed class CommitHook : DbTransactionInterceptor
{
    public Action? BeforeCommit { get; set; }

    public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        BeforeCommit?.Invoke();
        return ValueTask.FromResult(result);
    }
}
