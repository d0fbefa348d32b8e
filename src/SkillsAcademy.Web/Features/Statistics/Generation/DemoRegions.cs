using SkillsAcademy.Domain.People;

namespace SkillsAcademy.Web.Features.Statistics.Generation;

/// <summary>
/// Where generated learners and enterprises are: the province's cities and counties from the Regions table, with
/// weights that put most people in the big industrial cities (Fuzhou, Quanzhou, Xiamen for Fujian).
/// </summary>
internal sealed class DemoRegions
{
    // Relative size of the industrial workforce by city (GB/T 2260 city prefix); cities not listed weigh 4.
    private static readonly Dictionary<string, double> _cityWeights = new(StringComparer.Ordinal)
    {
        ["3501"] = 25, ["3502"] = 18, ["3505"] = 22, ["3506"] = 8, ["3503"] = 5,
        ["3504"] = 4, ["3507"] = 4, ["3508"] = 6, ["3509"] = 6,
    };

    // County-level cities with large manufacturing bases weigh more than urban districts.
    private static readonly Dictionary<string, double> _countyWeights = new(StringComparer.Ordinal)
    {
        ["350582"] = 4, ["350581"] = 2, ["350583"] = 2, ["350112"] = 1.5,
    };

    private readonly WeightedChoice<City> _cities;

    public DemoRegions(string provinceCode, IReadOnlyList<Region> regions)
    {
        var prefix = provinceCode[..2];
        var cities = regions
            .Where(r => r.Level == RegionLevel.City && r.Code.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(r => r.Code, StringComparer.Ordinal)
            .Select(city =>
            {
                var counties = regions
                    .Where(r => r.Level == RegionLevel.County && r.ParentCode == city.Code)
                    .OrderBy(r => r.Code, StringComparer.Ordinal)
                    .ToList();
                return new City(city.Code, ShortName(city.Name), counties.Select(c => (c.Code, ShortName(c.Name))).ToArray(),
                    counties.Count == 0 ? null : new WeightedChoice<int>(
                        Enumerable.Range(0, counties.Count).ToArray(),
                        counties.Select(c => _countyWeights.GetValueOrDefault(c.Code, 1)).ToArray()));
            })
            .ToList();
        if (cities.Count == 0)
        {
            throw new InvalidOperationException($"The Regions table has no cities under {provinceCode}.");
        }

        _cities = new WeightedChoice<City>(cities, cities.Select(c => _cityWeights.GetValueOrDefault(c.Code[..4], 4)).ToArray());
        Cities = cities;
    }

    public IReadOnlyList<City> Cities { get; }

    public City PickCity(Random random) => _cities.Pick(random);

    /// <summary>A county of the city (most people) or the city itself, with the short name used in company names.</summary>
    public (string Code, string ShortName) PickPlace(City city, Random random)
    {
        if (city.CountyChoice is { } counties && random.NextDouble() < 0.8)
        {
            var county = city.Counties[counties.Pick(random)];
            // A county-level city names its own companies (晋江); a district's companies carry the city's name.
            return (county.Code, county.Name.Length >= 2 && !county.Code.EndsWith("00", StringComparison.Ordinal) && county.Code[4] >= '8' ? county.Name : city.ShortName);
        }

        return (city.Code, city.ShortName);
    }

    private static string ShortName(string name) =>
        name.Length > 2 && (name.EndsWith('市') || name.EndsWith('区') || name.EndsWith('县')) ? name[..^1] : name;

    public sealed record City(string Code, string ShortName, (string Code, string Name)[] Counties, WeightedChoice<int>? CountyChoice);
}

/// <summary>Picks an item with probability proportional to its weight (binary search over the running sums).</summary>
internal sealed class WeightedChoice<T>
{
    private readonly IReadOnlyList<T> _items;
    private readonly double[] _cumulative;

    public WeightedChoice(IReadOnlyList<T> items, IReadOnlyList<double> weights)
    {
        if (items.Count == 0 || items.Count != weights.Count)
        {
            throw new ArgumentException("Each item needs one weight, and there must be at least one item.", nameof(weights));
        }

        _items = items;
        _cumulative = new double[weights.Count];
        var sum = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            sum += Math.Max(0, weights[i]);
            _cumulative[i] = sum;
        }

        if (sum <= 0)
        {
            throw new ArgumentException("At least one weight must be positive.", nameof(weights));
        }
    }

    public T Pick(Random random) => _items[PickIndex(random)];

    public int PickIndex(Random random)
    {
        var target = random.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, target);
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, _cumulative.Length - 1);
    }
}
