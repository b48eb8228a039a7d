namespace Uppsikt.Bench;

/// <summary>A named data size. The counts are generated in addition to the demo data (5 committees, 20 choice systems, 10 providers, 18 units).</summary>
public sealed record Scale(string Name, int Districts, int Committees, int ChoiceSystems, int Providers, int Units)
{
    /// <summary>A municipality the size of Nacka: about 300 units.</summary>
    public static readonly Scale Nacka = new("nacka", Districts: 2, Committees: 3, ChoiceSystems: 12, Providers: 120, Units: 282);

    /// <summary>A large city: 6,000 units of 3,000 providers in 60 choice systems.</summary>
    public static readonly Scale Storstad = new("storstad", Districts: 14, Committees: 12, ChoiceSystems: 60, Providers: 3_000, Units: 6_000);

    public static readonly IReadOnlyList<Scale> All = [Nacka, Storstad];

    public static Scale Named(string name) => All.Single(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
