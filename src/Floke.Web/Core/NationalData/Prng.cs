namespace Floke.Web.Core.NationalData;

/// <summary>A small deterministic random stream (SplitMix64) per generated row: the same seed, table and row number always
/// give the same values, so a table's child rows can be generated in a later pass without keeping the parents in memory.</summary>
public struct Prng(int seed, int stream, long row)
{
    private ulong _state = unchecked(((ulong)(uint)seed << 32) ^ ((ulong)(uint)stream * 0x9E3779B97F4A7C15UL) ^ ((ulong)row * 0xBF58476D1CE4E5B9UL));

    public ulong Next()
    {
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>0 ≤ value &lt; max.</summary>
    public int Int(int max) => max <= 1 ? 0 : (int)(Next() % (ulong)max);

    public int Int(int min, int max) => min + Int(max - min);

    public double Double() => (Next() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => Double() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Int(items.Count)];

    /// <summary>Picks by weight: (value, weight) pairs.</summary>
    public T Weighted<T>(params (T Value, int Weight)[] choices)
    {
        var n = Int(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if ((n -= weight) < 0)
            {
                return value;
            }
        }
        return choices[^1].Value;
    }

    /// <summary>One to <paramref name="most"/> distinct flags of a [Flags] enum.</summary>
    public T Flags<T>(int most) where T : struct, Enum
    {
        var values = Enum.GetValues<T>().Select(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)).Where(v => v != 0).ToArray();
        long result = 0;
        for (var i = Int(1, most + 1); i > 0; i--)
        {
            result |= values[Int(values.Length)];
        }
        return (T)Enum.ToObject(typeof(T), result);
    }
}
