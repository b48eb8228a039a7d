namespace Uppsikt.Domain.Identity;

/// <summary>The roles of the specification (docs/specification.md). The names are stored in the database and in tokens: never rename one.</summary>
public static class Roles
{
    public const string QualityDeveloper = nameof(QualityDeveloper);
    public const string GroupManager = nameof(GroupManager);
    public const string CaseWorker = nameof(CaseWorker);
    public const string MedicalResponsible = nameof(MedicalResponsible);
    public const string CommitteeSecretary = nameof(CommitteeSecretary);
    public const string CommitteeMember = nameof(CommitteeMember);
    public const string CouncilReviewer = nameof(CouncilReviewer);
    public const string DistrictFollowUp = nameof(DistrictFollowUp);
    public const string ProviderUser = nameof(ProviderUser);
    public const string Administrator = nameof(Administrator);

    public static readonly IReadOnlyList<string> All =
    [
        QualityDeveloper, GroupManager, CaseWorker, MedicalResponsible, CommitteeSecretary, CommitteeMember,
        CouncilReviewer, DistrictFollowUp, ProviderUser, Administrator,
    ];

    /// <summary>Roles of the municipality's own staff and elected members (everyone but provider users).</summary>
    public static readonly IReadOnlyList<string> Municipal = [.. All.Where(r => r != ProviderUser)];

    public static string SwedishName(string role) => role switch
    {
        QualityDeveloper => "Kvalitetsutvecklare",
        GroupManager => "Gruppchef",
        CaseWorker => "Handläggare",
        MedicalResponsible => "Medicinskt ansvarig (MAS/MAR)",
        CommitteeSecretary => "Nämndsekreterare",
        CommitteeMember => "Förtroendevald i nämnd",
        CouncilReviewer => "Kommunstyrelsen (juridik- och kanslistab)",
        DistrictFollowUp => "Uppföljare, stadsdelsförvaltning",
        ProviderUser => "Anordnare",
        Administrator => "Systemförvaltare",
        _ => role,
    };
}
