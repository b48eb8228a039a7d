using Uppsikt.Domain.Register;

namespace Uppsikt.Domain.Conditions;

/// <summary>Kvalitetsområde: reference data, the same in every municipality, so it ships with the schema rather than the demo.</summary>
public sealed class QualityArea
{
    public Guid Id { get; init; }

    public required string Name { get; init; }

    public QualityFramework Framework { get; init; }

    public int SortOrder { get; init; }

    /// <summary>Socialstyrelsen's six, LSS's two and HSL's four [002] §2.1, with fixed ids.</summary>
    public static readonly IReadOnlyList<QualityArea> All =
    [
        Area(1, "Självbestämmande och integritet", QualityFramework.SocialServices),
        Area(2, "Helhetssyn och samordning", QualityFramework.SocialServices),
        Area(3, "Trygghet och säkerhet", QualityFramework.SocialServices),
        Area(4, "Kunskapsbaserad verksamhet", QualityFramework.SocialServices),
        Area(5, "Tillgänglighet", QualityFramework.SocialServices),
        Area(6, "Effektivitet", QualityFramework.SocialServices),
        Area(7, "Goda levnadsvillkor", QualityFramework.Lss),
        Area(8, "Möjlighet att leva som andra", QualityFramework.Lss),
        Area(9, "Jämlik vård", QualityFramework.HealthCare),
        Area(10, "Ändamålsenlig vård", QualityFramework.HealthCare),
        Area(11, "Patientcentrerad vård", QualityFramework.HealthCare),
        Area(12, "Säker vård", QualityFramework.HealthCare),
    ];

    /// <summary>
    /// The national quality frameworks a choice system's service falls under, by its law: social services for SoL, LSS's
    /// and social services' for LSS, health care's for HSL. Schools, preschools, labour-market services, adult education and
    /// culture have quality frameworks of their own that Uppsikt does not model: none.
    /// </summary>
    public static IReadOnlyList<QualityFramework> FrameworksFor(LegalBasis legalBasis) => legalBasis switch
    {
        LegalBasis.SoL => [QualityFramework.SocialServices],
        LegalBasis.Lss => [QualityFramework.Lss, QualityFramework.SocialServices],
        LegalBasis.Hsl => [QualityFramework.HealthCare],
        _ => [],
    };

    private static QualityArea Area(int number, string name, QualityFramework framework) =>
        new() { Id = new Guid($"0a11a11a-0000-4000-8000-{number:D12}"), Name = name, Framework = framework, SortOrder = number };
}
