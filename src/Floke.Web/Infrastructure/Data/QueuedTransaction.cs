using Microsoft.EntityFrameworkCore.Storage;

namespace Floke.Web.Infrastructure.Data;

/// <summary>A transaction that hands a queue of writers on (<paramref name="handOn"/>, called once) when it commits, rolls
/// back or is disposed: the next writer waiting in the app goes in then.</summary>
public sealed class QueuedTransaction(IDbContextTransaction inner, Action handOn) : IDbContextTransaction
{
    private int _released;

    public Guid TransactionId => inner.TransactionId;

    public void Commit()
    {
        try { inner.Commit(); } finally { Release(); }
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        try { await inner.CommitAsync(cancellationToken); } finally { Release(); }
    }

    public void Rollback()
    {
        try { inner.Rollback(); } finally { Release(); }
    }

    public async Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        try { await inner.RollbackAsync(cancellationToken); } finally { Release(); }
    }

    public void Dispose()
    {
        try { inner.Dispose(); } finally { Release(); }
    }

    public async ValueTask DisposeAsync()
    {
        try { await inner.DisposeAsync(); } finally { Release(); }
    }

    private void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            handOn();
        }
    }
}
