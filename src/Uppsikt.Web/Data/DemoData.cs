using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Notifications;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Features.AnnualReports;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Files;

namespace Uppsikt.Web.Data;

/// <summary>
/// Nacka's committees and choice systems as the seed documents give them, with fictitious providers,
/// units and one user per role. Every fictitious name says so; Kolada's real unit names are only for the import.
/// </summary>
public sealed class DemoData(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, FileStore files, AnnualReportFigureSource annualReportFigures,
    TimeProvider clock, ILogger<DemoData> logger)
{
    public const string Password = "Uppsikt-demo-2026";

    /// <param name="HandOffMail">How the user hears of hand-offs; the demo shows all three choices (decision 0025).</param>
    public sealed record DemoUser(string Email, string DisplayName, string Role, string Description, MailFrequency HandOffMail = HandOffMail.Default);

    public static readonly IReadOnlyList<DemoUser> Users =
    [
        new("admin@uppsikt.example", "Alva Admin (fiktiv)", Roles.Administrator, "systemförvaltare"),
        new("kvalitet@uppsikt.example", "Klara Kvalitet (fiktiv)", Roles.QualityDeveloper, "kvalitetsutvecklare", MailFrequency.Immediately),
        new("gruppchef@uppsikt.example", "Gustav Gruppchef (fiktiv)", Roles.GroupManager, "gruppchef"),
        new("handlaggare@uppsikt.example", "Hanna Handläggare (fiktiv)", Roles.CaseWorker, "handläggare"),
        new("mas@uppsikt.example", "Maja Medicinsk (fiktiv)", Roles.MedicalResponsible, "medicinskt ansvarig sjuksköterska, äldrenämnden"),
        new("sekreterare@uppsikt.example", "Sara Sekreterare (fiktiv)", Roles.CommitteeSecretary, "nämndsekreterare, äldrenämnden"),
        new("ledamot@uppsikt.example", "Leo Ledamot (fiktiv)", Roles.CommitteeMember, "förtroendevald, äldrenämnden", MailFrequency.Never),
        new("ks@uppsikt.example", "Karin Kansli (fiktiv)", Roles.CouncilReviewer, "kommunstyrelsen, juridik- och kanslistab"),
        new("stadsdel@uppsikt.example", "Stig Stadsdel (fiktiv)", Roles.DistrictFollowUp, "uppföljare, Stadsdelsförvaltning Norr"),
        new("anordnare.omsorgshuset@uppsikt.example", "Olle Omsorgshuset (fiktiv)", Roles.ProviderUser, "anordnare: Omsorgshuset Exempel AB", MailFrequency.Immediately),
        new("anordnare.tryggahander@uppsikt.example", "Tina Trygga (fiktiv)", Roles.ProviderUser, "anordnare: Trygga Händer Exempel AB"),
    ];

    /// <summary>Loads the demo data once; a database that already has committees is left alone.</summary>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Committees.AnyAsync(cancellationToken))
        {
            return false;
        }
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var welfare = new Administration { Name = "Välfärdsförvaltningen (fiktiv)" };
        var north = new Administration { Name = "Stadsdelsförvaltning Norr (fiktiv)", IsDistrict = true };
        var south = new Administration { Name = "Stadsdelsförvaltning Söder (fiktiv)", IsDistrict = true };
        db.Administrations.AddRange(welfare, north, south);

        var work = Committee("Nämnden för arbete och försörjning", welfare,
            "Ansvarar för arbetsmarknadsinsatser, etablering och kommunal vuxenutbildning.");
        var culture = Committee("Kulturnämnden", welfare, "Ansvarar för kundval kulturskola.");
        var social = Committee("Socialnämnden", welfare, "Ansvarar för individ- och familjeomsorg och stöd enligt LSS.");
        var elderly = Committee("Äldrenämnden", welfare, "Ansvarar för vård och omsorg om äldre.");
        var education = Committee("Utbildningsnämnden", welfare, "Ansvarar för förskola och pedagogisk omsorg.");

        var phasedOut = new DateOnly(2024, 6, 30);
        var oldLabour = Choice(work, "Kundval arbetsmarknadsinsatser (t.o.m. juni 2024)", LegalBasis.None, phasedOut: phasedOut,
            services: [("Jobbpeng grund", []), ("Förstärkt jobbpeng", []), ("Språk- och arbetsintroduktion", [])]);
        var ami = Choice(work, "Kundval arbetsmarknadsinsatser, AMI", LegalBasis.None,
            services: [("Arbetsmarknadsinsatser", ["AMI 1", "AMI 2"])]);
        var isa = Choice(work, "Kundval introduktionsinsatser sfi och arbetsintroduktion, ISA", LegalBasis.None,
            services: [("Introduktionsinsatser sfi och arbetsintroduktion", ["ISA 1", "ISA 2"])]);
        var fai = Choice(work, "Kundval förberedande arbetsinriktade insatser, FAI", LegalBasis.None,
            services: [("Förberedande arbetsinriktade insatser", ["FAI 1", "FAI 2"])]);
        Choice(work, "Kommunal vuxenutbildning", LegalBasis.SchoolAct, services: [("Kommunal vuxenutbildning", [])]);
        var arts = Choice(culture, "Kulturskola", LegalBasis.None, services: [("Kulturskoleundervisning", [])]);
        var escort = Choice(social, "Avlösarservice och ledsagarservice enligt LSS", LegalBasis.Lss, services: [("Avlösarservice", []), ("Ledsagarservice", [])]);
        var housingSupport = Choice(social, "Boendestöd", LegalBasis.SoL, services: [("Boendestöd", [])]);
        Choice(social, "Dagverksamhet enligt LSS", LegalBasis.Lss, kolada: "V26", services: [("Daglig verksamhet", [])]);
        Choice(social, "Familjebehandling", LegalBasis.SoL, services: [("Familjebehandling", [])]);
        Choice(social, "Familjerådgivning", LegalBasis.SoL, services: [("Familjerådgivning", [])]);
        Choice(social, "Korttidsvistelse enligt LSS", LegalBasis.Lss, services: [("Korttidsvistelse", [])]);
        Choice(social, "Sysselsättning för personer med psykisk funktionsnedsättning", LegalBasis.SoL, services: [("Sysselsättning", [])]);
        var lssHousing = Choice(social, "Bostad med särskild service enligt LSS", LegalBasis.Lss, kolada: "V25", services: [("Gruppbostad", []), ("Servicebostad", [])]);
        Choice(social, "Öppenvård för personer med missbruksproblematik", LegalBasis.SoL, services: [("Öppenvårdsinsatser", [])]);
        var dayCare = Choice(elderly, "Dagverksamhet för äldre", LegalBasis.SoL, services: [("Dagverksamhet", [])]);
        var nursingHome = Choice(elderly, "Särskilt boende för äldre", LegalBasis.SoL, kolada: "V23", services: [("Vård- och omsorgsboende", [])]);
        var homeCare = Choice(elderly, "Hemtjänst, ledsagning och avlösning", LegalBasis.SoL, kolada: "V21",
            services: [("Hemtjänst", []), ("Ledsagning", []), ("Avlösning", [])]);
        var preschool = Choice(education, "Förskola", LegalBasis.SchoolAct, kolada: "V11", services: [("Förskola", [])]);
        var familyDaycare = Choice(education, "Pedagogisk omsorg", LegalBasis.SchoolAct, services: [("Pedagogisk omsorg", [])]);

        var omsorgshuset = Provider("Omsorgshuset Exempel AB (fiktiv)", Fictitious(1), LegalForm.LimitedCompany, Ownership.Private, "Sickla");
        var trygga = Provider("Trygga Händer Exempel AB (fiktiv)", Fictitious(2), LegalForm.LimitedCompany, Ownership.Private, "Saltsjöbaden");
        var foundation = Provider("Stiftelsen Exempelgården (fiktiv)", Fictitious(3), LegalForm.Foundation, Ownership.NonProfit, "Boo");
        var inHouse = Provider("Nacka kommun, egen regi (demo)", "212000-0167", LegalForm.MunicipalAdministration, Ownership.InHouse, "Nacka");
        var workPath = Provider("Arbetsvägen Exempel AB (fiktiv)", Fictitious(4), LegalForm.LimitedCompany, Ownership.Private, "Nacka");
        var bridge = Provider("Språkbron, ideell förening (fiktiv)", Fictitious(5, "80"), LegalForm.NonProfitAssociation, Ownership.NonProfit, "Fisksätra");
        var music = Provider("Klangskolan Exempel AB (fiktiv)", Fictitious(6), LegalForm.LimitedCompany, Ownership.Private, "Älta");
        var tree = Provider("Förskolan Exempelträdet AB (fiktiv)", Fictitious(7), LegalForm.LimitedCompany, Ownership.Private, "Orminge");
        var coop = Provider("Lilla Exempelförskolan ekonomisk förening (fiktiv)", Fictitious(8, "76"), LegalForm.EconomicAssociation, Ownership.NonProfit, "Björknäs");
        var soleTrader = Provider("Anna Exempelsson Dagbarnvård (fiktiv)", "121212-1212", LegalForm.SoleTrader, Ownership.Private, "Finntorp");

        omsorgshuset.ParentCompanyName = "Exempelkoncernen Omsorg Holding AB (fiktiv)";
        omsorgshuset.ParentCompanyOrganisationNumber = Fictitious(9);
        omsorgshuset.PreparednessNotes = "Krisledningsgrupp nås dygnet runt via växeln. Reservkraft för larm och journalsystem finns.";
        omsorgshuset.People.AddRange([
            new ProviderPerson { Name = "Olle Omsorgshuset (fiktiv)", Role = ProviderPersonRole.ChiefExecutive },
            new ProviderPerson { Name = "Berit Styrelse (fiktiv)", Role = ProviderPersonRole.BoardChair },
            new ProviderPerson { Name = "Rune Revisor (fiktiv)", Role = ProviderPersonRole.Auditor, Organisation = "Exempelrevision KB (fiktiv)" },
        ]);
        omsorgshuset.Subcontractors.AddRange([
            new Subcontractor { Name = "Städbolaget Exempel AB (fiktiv)", OrganisationNumber = Fictitious(10), Tier = 1, Scope = "Städning i ordinärt boende" },
            new Subcontractor { Name = "Fönsterputs Exempel HB (fiktiv)", OrganisationNumber = Fictitious(11, "96"), Tier = 2, Scope = "Fönsterputs, anlitad av städbolaget" },
        ]);
        trygga.Subcontractors.Add(
            new Subcontractor { Name = "Trygga Nattpatrullen Exempel AB (fiktiv)", OrganisationNumber = Fictitious(12), Tier = 1, Scope = "Nattinsatser och trygghetslarm" });
        trygga.People.AddRange([
            new ProviderPerson { Name = "Tina Trygga (fiktiv)", Role = ProviderPersonRole.Representative },
            new ProviderPerson { Name = "Ture Trygga (fiktiv)", Role = ProviderPersonRole.BoardMember },
        ]);

        // Fictitious Kolada ids (the 9100 series is not Kolada's) so that docs/examples/kolada-oudata-exempel.json matches them.
        Unit("Omsorgshuset Hemtjänst Sickla (fiktiv)", omsorgshuset, "Sickla", 120, north, homeCare).KoladaId = "V21E9101";
        Unit("Omsorgshuset Hemtjänst Älta (fiktiv)", omsorgshuset, "Älta", 80, south, homeCare).KoladaId = "V21E9102";
        Unit("Omsorgshuset Vård- och omsorgsboende Sjöutsikten (fiktiv)", omsorgshuset, "Sickla", 54, north, nursingHome);
        Unit("Trygga Händer Hemtjänst Saltsjöbaden (fiktiv)", trygga, "Saltsjöbaden", 90, south, homeCare).KoladaId = "V21E9103";
        Unit("Trygga Händer Ledsagning (fiktiv)", trygga, "Saltsjöbaden", 30, south, homeCare, escort);
        Unit("Exempelgårdens äldreboende (fiktiv)", foundation, "Boo", 40, north, nursingHome);
        Unit("Exempelgårdens gruppbostad (fiktiv)", foundation, "Boo", 6, north, lssHousing);
        Unit("Exempelgårdens dagverksamhet (fiktiv)", foundation, "Boo", 25, north, dayCare);
        Unit("Hemtjänsten egen regi Nacka centrum (fiktiv)", inHouse, "Nacka", 150, north, homeCare).KoladaId = "V21E9104";
        Unit("Egen regi vård- och omsorgsboende Ekbacken (fiktiv)", inHouse, "Fisksätra", 60, south, nursingHome);
        Unit("Egen regi boendestöd (fiktiv)", inHouse, "Nacka", 45, south, housingSupport);
        Unit("Arbetsvägen Nacka (fiktiv)", workPath, "Nacka", 200, null, ami, fai);
        Unit("Språkbron Fisksätra (fiktiv)", bridge, "Fisksätra", 80, null, isa);
        Unit("Klangskolan Älta (fiktiv)", music, "Älta", 300, null, arts);
        Unit("Exempelträdets förskola Orminge (fiktiv)", tree, "Orminge", 72, null, preschool);
        Unit("Exempelträdets förskola Kummelnäs (fiktiv)", tree, "Kummelnäs", 48, null, preschool);
        Unit("Lilla Exempelförskolan (fiktiv)", coop, "Björknäs", 30, null, preschool);
        Unit("Annas dagbarnvård (fiktiv)", soleTrader, "Finntorp", 5, null, familyDaycare);
        Unit("Förskolan Ekorren, egen regi (fiktiv)", inHouse, "Sickla", 60, north, preschool);

        Authorise(omsorgshuset, homeCare, "KFKS-2021-00101", new DateOnly(2021, 9, 1));
        Authorise(omsorgshuset, nursingHome, "KFKS-2022-00214", new DateOnly(2022, 3, 1));
        Authorise(trygga, homeCare, "KFKS-2020-00533", new DateOnly(2020, 11, 1));
        Authorise(trygga, escort, "KFKS-2023-00088", new DateOnly(2023, 2, 1));
        Authorise(foundation, nursingHome, "KFKS-2019-00412", new DateOnly(2019, 5, 1));
        Authorise(foundation, lssHousing, "KFKS-2019-00413", new DateOnly(2019, 5, 1));
        Authorise(foundation, dayCare, "KFKS-2020-00047", new DateOnly(2020, 1, 15));
        Authorise(workPath, ami, "KFKS-2024-00120", new DateOnly(2024, 1, 1));
        Authorise(workPath, fai, "KFKS-2024-00121", new DateOnly(2024, 1, 1));
        Authorise(workPath, oldLabour, "KFKS-2019-00300", new DateOnly(2019, 1, 1), AuthorisationStatus.Terminated, validTo: phasedOut);
        Authorise(bridge, isa, "KFKS-2024-00133", new DateOnly(2024, 2, 1));
        Authorise(music, arts, "KFKS-2021-00610", new DateOnly(2021, 8, 1));
        Authorise(tree, preschool, "KFKS-2018-00901", new DateOnly(2018, 8, 1));
        Authorise(coop, preschool, "KFKS-2022-00744", new DateOnly(2022, 8, 1), AuthorisationStatus.Suspended);
        Authorise(soleTrader, familyDaycare, "KFKS-2025-00052", null, AuthorisationStatus.Applied);
        db.Authorisations.Add(new Authorisation
        {
            Provider = inHouse,
            ChoiceSystem = homeCare,
            Kind = AgreementKind.Contract,
            Status = AuthorisationStatus.Active,
            ValidFrom = new DateOnly(2020, 1, 1),
            Notes = "Egen regi följs upp på samma villkor som privata anordnare (insyn).",
        });
        db.Authorisations.Add(new Authorisation
        {
            Provider = inHouse,
            ChoiceSystem = preschool,
            Kind = AgreementKind.Contract,
            Status = AuthorisationStatus.Active,
            ValidFrom = new DateOnly(2020, 1, 1),
            Notes = "Kommunens förskolor följs upp genom insyn, likvärdigt med tillsynen av fristående förskolor.",
        });

        await db.SaveChangesAsync(cancellationToken);
        await DemoPlans.SeedAsync(db, clock, cancellationToken);
        await DemoIndicators.SeedAsync(db, homeCare, nursingHome, clock.SwedishToday().Year - 1, cancellationToken);

        var providerOf = new Dictionary<string, Guid>
        {
            ["anordnare.omsorgshuset@uppsikt.example"] = omsorgshuset.Id,
            ["anordnare.tryggahander@uppsikt.example"] = trygga.Id,
        };
        foreach (var demo in Users)
        {
            var user = new AppUser
            {
                UserName = demo.Email,
                Email = demo.Email,
                EmailConfirmed = true,
                DisplayName = demo.DisplayName,
                ProviderId = providerOf.TryGetValue(demo.Email, out var providerId) ? providerId : null,
                AdministrationId = demo.Role == Roles.DistrictFollowUp ? north.Id : null,
                CommitteeId = demo.Role is Roles.CommitteeMember or Roles.CommitteeSecretary ? elderly.Id : null,
                HandOffMail = demo.HandOffMail,
            };
            Check(await users.CreateAsync(user, Password), demo.Email);
            Check(await users.AddToRoleAsync(user, demo.Role), demo.Email);
        }
        await DemoCycle.SeedAsync(db, clock, cancellationToken);
        await new DemoEvidence(db, files, clock).SeedAsync(cancellationToken);
        await new DemoPortal(db, files, clock).SeedAsync(cancellationToken);
        await DemoQualityReports.SeedAsync(db, homeCare, omsorgshuset, trygga, clock, cancellationToken);
        await DemoChecklists.SeedAsync(db, homeCare, nursingHome, preschool, clock, cancellationToken);
        await DemoReviews.SeedAsync(db, files, clock, cancellationToken);
        await DemoSanctions.SeedAsync(db, files, clock, cancellationToken);
        await DemoCommissions.SeedAsync(db, clock, cancellationToken);
        await DemoRisk.SeedAsync(db, clock, cancellationToken);
        await DemoAnnualReports.SeedAsync(db, annualReportFigures, clock, cancellationToken);
        await DemoQualityBonus.SeedAsync(db, clock, cancellationToken);
        logger.LogInformation("Demo data loaded: {Committees} committees, {Users} users.", 5, Users.Count);
        return true;

        Committee Committee(string name, Administration administration, string description)
        {
            var committee = new Committee { Name = name, Administration = administration, Description = description };
            db.Committees.Add(committee);
            return committee;
        }

        ChoiceSystem Choice(Committee committee, string name, LegalBasis basis, (string Name, string[] Levels)[] services,
            DateOnly? phasedOut = null, string? kolada = null)
        {
            var choice = new ChoiceSystem
            {
                Name = name,
                Committee = committee,
                LegalBasis = basis,
                OperatingForm = OperatingForm.LovChoice,
                PhasedOutOn = phasedOut,
                KoladaUnitTypes = kolada,
            };
            foreach (var (serviceName, levels) in services)
            {
                var service = new Service { Name = serviceName };
                service.Levels.AddRange(levels.Select(code => new ServiceLevel { Code = code }));
                choice.Services.Add(service);
            }
            committee.ChoiceSystems.Add(choice);
            return choice;
        }

        Provider Provider(string name, string number, LegalForm form, Ownership ownership, string city)
        {
            var provider = new Provider
            {
                Name = name,
                OrganisationNumber = OrganisationNumber.Parse(number).Value,
                LegalForm = form,
                Ownership = ownership,
                City = city,
                StreetAddress = "Exempelvägen 1",
                PostalCode = "131 00",
                Email = "info@" + name.Split(' ')[0].ToLowerInvariant().Replace(",", "", StringComparison.Ordinal) + ".example",
            };
            db.Providers.Add(provider);
            return provider;
        }

        Unit Unit(string name, Provider provider, string city, int capacity, Administration? district, params ChoiceSystem[] choices)
        {
            var unit = new Unit
            {
                Name = name,
                Provider = provider,
                Ownership = provider.Ownership,
                City = city,
                Capacity = capacity,
                StreetAddress = "Exempelgatan " + (db.ChangeTracker.Entries<Unit>().Count() + 1),
                PostalCode = "131 00",
                Administration = district,
            };
            unit.ChoiceSystems.AddRange(choices);
            db.Units.Add(unit);
            return unit;
        }

        void Authorise(Provider provider, ChoiceSystem choice, string caseNumber, DateOnly? from,
            AuthorisationStatus status = AuthorisationStatus.Active, DateOnly? validTo = null) =>
            db.Authorisations.Add(new Authorisation
            {
                Provider = provider,
                ChoiceSystem = choice,
                Kind = AgreementKind.Authorisation,
                Status = status,
                CaseNumber = caseNumber,
                DecidedOn = from?.AddMonths(-2),
                ValidFrom = from,
                ValidTo = validTo,
            });
    }

    /// <summary>A valid-format organisation number in a series reserved for the demo: 55990000NN plus check digit.</summary>
    public static string Fictitious(int serial, string groupPrefix = "55")
    {
        var nine = $"{groupPrefix}9900{serial:D3}";
        return $"{nine[..6]}-{nine[6..]}{OrganisationNumber.LuhnCheckDigit(nine)}";
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
