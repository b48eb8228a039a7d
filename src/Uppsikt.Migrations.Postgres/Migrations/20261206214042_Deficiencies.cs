using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uppsikt.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Deficiencies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FixWithinMonths",
                table: "ReviewFindings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequiredAction",
                table: "ReviewFindings",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActionPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChoiceSystemId = table.Column<Guid>(type: "uuid", nullable: true),
                    Origin = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OriginId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    InHouse = table.Column<bool>(type: "boolean", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PlanDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ApprovedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PlanReminderSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PlanOverdueNoticeSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SearchText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, defaultValue: ""),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionPlans_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ActionPlans_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActionPlanSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionPlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeficiencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPlanSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionPlanSteps_ActionPlans_ActionPlanId",
                        column: x => x.ActionPlanId,
                        principalTable: "ActionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Deficiencies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionPlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Severity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Area = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RequiredAction = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FindingId = table.Column<Guid>(type: "uuid", nullable: true),
                    QuestionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ConditionVersionIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    InHouse = table.Column<bool>(type: "boolean", nullable: false),
                    IdentifiedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DeadlineOn = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FixedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PersistCount = table.Column<int>(type: "integer", nullable: false),
                    SearchText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, defaultValue: ""),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deficiencies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Deficiencies_ActionPlans_ActionPlanId",
                        column: x => x.ActionPlanId,
                        principalTable: "ActionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DeficiencyVerifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DeficiencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    VerifiedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Method = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CheckedWhat = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Fixed = table.Column<bool>(type: "boolean", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: true),
                    NewDeadlineOn = table.Column<DateOnly>(type: "date", nullable: true),
                    VerifiedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    VerifiedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeficiencyVerifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeficiencyVerifications_Deficiencies_DeficiencyId",
                        column: x => x.DeficiencyId,
                        principalTable: "Deficiencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DeficiencyVerifications_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlannedActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionPlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    DeficiencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ResponsibleName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DoneReport = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DoneByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EvidenceFileIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    ReminderSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OverdueNoticeSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlannedActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlannedActions_ActionPlans_ActionPlanId",
                        column: x => x.ActionPlanId,
                        principalTable: "ActionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlannedActions_Deficiencies_DeficiencyId",
                        column: x => x.DeficiencyId,
                        principalTable: "Deficiencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlans_Origin_OriginId_UnitId",
                table: "ActionPlans",
                columns: new[] { "Origin", "OriginId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlans_ProviderId_State",
                table: "ActionPlans",
                columns: new[] { "ProviderId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlans_UnitId_State",
                table: "ActionPlans",
                columns: new[] { "UnitId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanSteps_ActionPlanId_OccurredAt",
                table: "ActionPlanSteps",
                columns: new[] { "ActionPlanId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Deficiencies_ActionPlanId",
                table: "Deficiencies",
                column: "ActionPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Deficiencies_ProviderId_State",
                table: "Deficiencies",
                columns: new[] { "ProviderId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Deficiencies_State_DeadlineOn",
                table: "Deficiencies",
                columns: new[] { "State", "DeadlineOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Deficiencies_UnitId_State",
                table: "Deficiencies",
                columns: new[] { "UnitId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_DeficiencyVerifications_DeficiencyId",
                table: "DeficiencyVerifications",
                column: "DeficiencyId");

            migrationBuilder.CreateIndex(
                name: "IX_DeficiencyVerifications_ReviewId",
                table: "DeficiencyVerifications",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_PlannedActions_ActionPlanId",
                table: "PlannedActions",
                column: "ActionPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlannedActions_DeficiencyId",
                table: "PlannedActions",
                column: "DeficiencyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionPlanSteps");

            migrationBuilder.DropTable(
                name: "DeficiencyVerifications");

            migrationBuilder.DropTable(
                name: "PlannedActions");

            migrationBuilder.DropTable(
                name: "Deficiencies");

            migrationBuilder.DropTable(
                name: "ActionPlans");

            migrationBuilder.DropColumn(
                name: "FixWithinMonths",
                table: "ReviewFindings");

            migrationBuilder.DropColumn(
                name: "RequiredAction",
                table: "ReviewFindings");
        }
    }
}
