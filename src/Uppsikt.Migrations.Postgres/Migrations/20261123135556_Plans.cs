using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Uppsikt.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Plans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Conditions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Scope = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ChoiceSystemId = table.Column<Guid>(type: "uuid", nullable: true),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Part = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conditions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Conditions_ChoiceSystems_ChoiceSystemId",
                        column: x => x.ChoiceSystemId,
                        principalTable: "ChoiceSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChoiceSystemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RevisionNumber = table.Column<int>(type: "integer", nullable: false),
                    RevisesPlanId = table.Column<Guid>(type: "uuid", nullable: true),
                    FocusThemes = table.Column<List<string>>(type: "text[]", nullable: false),
                    FollowUpModel = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RiskAnalysisReference = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AdoptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AdoptionParagraph = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    AdoptionCaseNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ReportedToCouncilBoardOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpPlans_ChoiceSystems_ChoiceSystemId",
                        column: x => x.ChoiceSystemId,
                        principalTable: "ChoiceSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUpPlans_FollowUpPlans_RevisesPlanId",
                        column: x => x.RevisesPlanId,
                        principalTable: "FollowUpPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QualityAreas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Framework = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityAreas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConditionVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConditionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    DecisionReference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FollowUpOccasions = table.Column<string[]>(type: "text[]", nullable: false),
                    Sanctions = table.Column<string[]>(type: "text[]", nullable: false),
                    QualityAreaIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    SearchText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, defaultValue: ""),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConditionVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConditionVersions_Conditions_ConditionId",
                        column: x => x.ConditionId,
                        principalTable: "Conditions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpActivities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    What = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ConditionIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    QualityAreaIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Method = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Who = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Frequency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Tertial = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Month = table.Column<int>(type: "integer", nullable: true),
                    EstimatedHours = table.Column<decimal>(type: "numeric(7,1)", precision: 7, scale: 1, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpActivities_FollowUpPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "FollowUpPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanStep",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanStep", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanStep_FollowUpPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "FollowUpPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ControlPoint",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConditionVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ControlPoint", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ControlPoint_ConditionVersions_ConditionVersionId",
                        column: x => x.ConditionVersionId,
                        principalTable: "ConditionVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "QualityAreas",
                columns: new[] { "Id", "Framework", "Name", "SortOrder" },
                values: new object[,]
                {
                    { new Guid("0a11a11a-0000-4000-8000-000000000001"), "SocialServices", "Självbestämmande och integritet", 1 },
                    { new Guid("0a11a11a-0000-4000-8000-000000000002"), "SocialServices", "Helhetssyn och samordning", 2 },
                    { new Guid("0a11a11a-0000-4000-8000-000000000003"), "SocialServices", "Trygghet och säkerhet", 3 },
                    { new Guid("0a11a11a-0000-4000-8000-000000000004"), "SocialServices", "Kunskapsbaserad verksamhet", 4 },
                    { new Guid("0a11a11a-0000-4000-8000-000000000005"), "SocialServices", "Tillgänglighet", 5 },
                    { new Guid("0a11a11a-0000-4000-8000-000000000006"), "SocialServices", "Effektivitet", 6 },
                    { new Guid("0a11a11a-0000-4000-8000-000000000007"), "Lss", "Goda levnadsvillkor", 7 },
                    { new Guid("0a11a11a-0000-4000-8000-000000000008"), "Lss", "Möjlighet att leva som andra", 8 },
                    { new Guid("0a11a11a-0000-4000-8000-000000000009"), "HealthCare", "Jämlik vård", 9 },
                    { new Guid("0a11a11a-0000-4000-8000-000000000010"), "HealthCare", "Ändamålsenlig vård", 10 },
                    { new Guid("0a11a11a-0000-4000-8000-000000000011"), "HealthCare", "Patientcentrerad vård", 11 },
                    { new Guid("0a11a11a-0000-4000-8000-000000000012"), "HealthCare", "Säker vård", 12 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Conditions_ChoiceSystemId_Code",
                table: "Conditions",
                columns: new[] { "ChoiceSystemId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConditionVersions_ConditionId_Number",
                table: "ConditionVersions",
                columns: new[] { "ConditionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConditionVersions_SearchText",
                table: "ConditionVersions",
                column: "SearchText");

            migrationBuilder.CreateIndex(
                name: "IX_ControlPoint_ConditionVersionId",
                table: "ControlPoint",
                column: "ConditionVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpActivities_PlanId",
                table: "FollowUpActivities",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpPlans_ChoiceSystemId_Year_RevisionNumber",
                table: "FollowUpPlans",
                columns: new[] { "ChoiceSystemId", "Year", "RevisionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpPlans_RevisesPlanId",
                table: "FollowUpPlans",
                column: "RevisesPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpPlans_Year_State",
                table: "FollowUpPlans",
                columns: new[] { "Year", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanStep_PlanId",
                table: "PlanStep",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_QualityAreas_Name",
                table: "QualityAreas",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ControlPoint");

            migrationBuilder.DropTable(
                name: "FollowUpActivities");

            migrationBuilder.DropTable(
                name: "PlanStep");

            migrationBuilder.DropTable(
                name: "QualityAreas");

            migrationBuilder.DropTable(
                name: "ConditionVersions");

            migrationBuilder.DropTable(
                name: "FollowUpPlans");

            migrationBuilder.DropTable(
                name: "Conditions");
        }
    }
}
