/**
 * Neighbourhood dashboard (issue 7, item 1): the public `neighbourhoodDashboard` query with the
 * fields the portal's `/n/<slug>` overview selects, on one fresh neighbourhood grown from about 50
 * to about 500 needs (with closed assessments, needs scores, frozen rankings, plans, tasks,
 * resources, milestones, updates, pledges and receipts, written in bulk with SQL in the shape of the
 * demo rows). Beside it:
 * - floor: one raw SQL statement over node-pg in a bare `node:http` handler in this process, built
 *   to return exactly the same JSON (checked against ours before measuring);
 * - peer: PostGraphile 5 (Amber preset) in this process on the same database, asked for the same
 *   data through its generated schema.
 * autocannon runs in a child process so that it does not share an event loop with the floor or peer.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import pg from 'pg';
import { median, REPEATS, round, type BenchApp, type Figure } from './lib.ts';

const W = 'dashboard';
const SIZES = (process.env.BENCH_DASHBOARD_NEEDS ?? '50,500').split(',').map(Number);
const CONNECTIONS = (process.env.BENCH_DASHBOARD_CONNECTIONS ?? '1,8').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_DASHBOARD_SECONDS ?? 5);
const WARMUP_SECONDS = Number(process.env.BENCH_DASHBOARD_WARMUP ?? 2);
/** Needs per (closed) assessment; the latest one's ranking is what the page shows. */
const PER_ASSESSMENT = Number(process.env.BENCH_DASHBOARD_NEEDS_PER_ASSESSMENT ?? 50);
/** Needs per action plan: 50 needs give 10 plans, 500 give 100 (the page lists up to 200). */
const NEEDS_PER_PLAN = 5;
const PEER = 'PostGraphile 5';
/**
 * Connections of the floor's and the peer's pools: 4, like the app's own pool on the embedded
 * database, whose socket server takes at most 16 connections in all (app, this file's client, floor
 * and peer); more would be refused ("Connection terminated unexpectedly").
 */
const POOL = 4;
/** Idle pool connections are closed well before the embedded socket server drops them (seen after ~1 min). */
const IDLE_MS = 5000;
const FLOOR = 'raw SQL, node-pg';

/** NaN (no answer in a run) becomes null, which the table shows as a dash. */
const num = (v: number) => (Number.isFinite(v) ? v : null);
const log = (...args: unknown[]) => console.log(`[bench:${W}]`, ...args);

/** The portal's NeighbourhoodOverview.gql with its PlanCardFields fragment, less the client-only directives. */
const OURS_QUERY = `query NeighbourhoodOverview($neighbourhoodId: ID!) {
  neighbourhoodDashboard(neighbourhoodId: $neighbourhoodId) {
    summary { assessments closedAssessments needs plans activePlans tasksTotal tasksDone tasksOverdue progress budgetRials lastUpdateOn }
    latestAssessment { id title status method heldFrom ranking { position rank tied score need { id title } } }
    plans { ...PlanCardFields }
  }
}
fragment PlanCardFields on ActionPlan {
  id title status progress budgetRials startOn endOn
  leadOrganisation { id nameFa nameEn }
  taskCounts { total done overdue }
}`;

/**
 * The same data from PostGraphile's generated schema: the neighbourhood by id; all its needs
 * assessments (newest first) with the frozen ranking (JSON) and every need (id, title, status,
 * position); all its action plans with the lead organisation, every task (status, progress, budget,
 * dates), the latest update's day, and every pledge (status, kind, amount). The aggregates (counts,
 * progress, budget, overdue) are left to the client, which is what a generic API gives. Receipts
 * are not reachable: `receipt.pledge_id` has no index, so Amber exposes no pledge → receipts relation.
 */
const PEER_QUERY = `query Overview($id: UUID!) {
  neighbourhoodByRowId(rowId: $id) {
    rowId slug nameFa nameEn
    needsAssessmentsByNeighbourhoodId(orderBy: CREATED_AT_DESC) {
      totalCount
      nodes {
        rowId title status method heldFrom frozenRanking
        needsByAssessmentId(orderBy: POSITION_ASC) { totalCount nodes { rowId title status position } }
      }
    }
    actionPlansByNeighbourhoodId {
      totalCount
      nodes {
        rowId title status createdAt
        organisationByLeadOrganisationId { rowId nameFa nameEn }
        planTasksByPlanId(orderBy: POSITION_ASC) { nodes { status progress budgetRials startOn endOn } }
        planUpdatesByPlanId(orderBy: DAY_DESC, first: 1) { nodes { day } }
        pledgesByPlanId { nodes { status kind amountRials } }
      }
    }
  }
}`;

/**
 * The floor: one statement that returns the whole response body, byte for byte the JSON ours
 * returns under `data` (same figures, same order). $1 the neighbourhood, $2 today in Tehran.
 */
const FLOOR_SQL = `
with a as (
  select * from needs_assessment where neighbourhood_id = $1
), p as (
  select * from action_plan where neighbourhood_id = $1 and status <> 'DRAFT'
), pc as (
  select * from p where status in ('ACTIVE', 'COMPLETED')
), t as (
  select t.status, t.end_on, t.budget_rials, case when t.status = 'DONE' then 100 else t.progress end as eff
    from plan_task t join pc on pc.id = t.plan_id
   where t.status <> 'CANCELLED'
), latest as (
  select * from a where status = 'CLOSED' order by created_at desc, id desc limit 1
)
select json_build_object('data', json_build_object('neighbourhoodDashboard', json_build_object(
  'summary', json_build_object(
    'assessments', (select count(*) from a),
    'closedAssessments', (select count(*) from a where status = 'CLOSED'),
    'needs', (select count(*) from need n join a on a.id = n.assessment_id where n.status = 'ACCEPTED'),
    'plans', (select count(*) from pc),
    'activePlans', (select count(*) from pc where status = 'ACTIVE'),
    'tasksTotal', (select count(*) from t),
    'tasksDone', (select count(*) from t where status = 'DONE'),
    'tasksOverdue', (select count(*) from t where status <> 'DONE' and end_on < $2::date),
    'progress', (select coalesce(round(avg(eff)), 0)::int from t),
    'budgetRials', (select coalesce(sum(budget_rials), 0)::text from t),
    'lastUpdateOn', (select to_char(max(u.day), 'YYYY-MM-DD') from plan_update u join pc on pc.id = u.plan_id)
  ),
  'latestAssessment', (
    select json_build_object(
      'id', l.id, 'title', l.title, 'status', l.status, 'method', l.method,
      'heldFrom', to_char(l.held_from, 'YYYY-MM-DD'),
      'ranking', coalesce((
        select json_agg(json_build_object(
                 'position', r->'position', 'rank', r->'rank', 'tied', r->'tied', 'score', r->'score',
                 'need', json_build_object('id', n.id, 'title', n.title)) order by e.o)
          from jsonb_array_elements(l.frozen_ranking) with ordinality e(r, o)
          join need n on n.id = (r->>'needId')::uuid and n.status = 'ACCEPTED'
      ), '[]'::json))
      from latest l
  ),
  'plans', coalesce((
    select json_agg(json_build_object(
             'id', p.id, 'title', p.title, 'status', p.status,
             'progress', k.progress, 'budgetRials', k.budget, 'startOn', k.start_on, 'endOn', k.end_on,
             'leadOrganisation', json_build_object('id', o.id, 'nameFa', o.name_fa, 'nameEn', o.name_en),
             'taskCounts', json_build_object('total', k.total, 'done', k.done, 'overdue', k.overdue))
           order by p.created_at desc, p.id desc)
      from (select * from p order by created_at desc, id desc limit 200) p
      join organisation o on o.id = p.lead_organisation_id
      cross join lateral (
        select count(*) as total,
               count(*) filter (where t.status = 'DONE') as done,
               count(*) filter (where t.status <> 'DONE' and t.end_on < $2::date) as overdue,
               coalesce(round(avg(case when t.status = 'DONE' then 100 else t.progress end)), 0)::int as progress,
               coalesce(sum(t.budget_rials), 0)::text as budget,
               to_char(min(t.start_on), 'YYYY-MM-DD') as start_on,
               to_char(max(t.end_on), 'YYYY-MM-DD') as end_on
          from plan_task t where t.plan_id = p.id and t.status <> 'CANCELLED'
      ) k
  ), '[]'::json)
)))::text as body`;

const todayInTehran = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' }).format(new Date());

/** A fresh neighbourhood beside the demo one, in its county, with the same boundary. */
export async function freshNeighbourhood(db: pg.Client): Promise<string> {
  const id = crypto.randomUUID();
  const res = await db.query(
    `insert into neighbourhood (id, created_at, updated_at, slug, name_fa, name_en, county_id, boundary, version)
     select $1, now(), now(), $2, 'محلهٔ سنجش', 'Bench dashboard', county_id, boundary, 1
       from neighbourhood order by created_at, id limit 1`,
    [id, `bench-dashboard-${id.slice(0, 8)}`],
  );
  if (res.rowCount !== 1) throw new Error('no neighbourhood to copy (is the demo data there?)');
  return id;
}

/**
 * Needs number `from` (inclusive) to `to` (exclusive) of neighbourhood `nb`, and everything around
 * them: their assessments (closed, matrix, frozen ranking), four scores each, and a plan for every
 * five needs with four tasks (done, in progress, planned, blocked), a cash resource per task, a
 * milestone, two updates, a cash pledge partly received (one receipt) and an in-kind pledge. Ids are
 * md5-derived from the neighbourhood and the number, so each part finds its parents.
 */
export async function grow(db: pg.Client, nb: string, from: number, to: number) {
  const [people] = (
    await db.query<{ facilitator: string; org: string; pledger: string }>(
      `select a.facilitator_id as facilitator, a.organisation_id as org,
              coalesce((select pledger_id from pledge order by created_at limit 1), a.facilitator_id) as pledger
         from needs_assessment a order by a.created_at limit 1`,
    )
  ).rows;
  if (!people) throw new Error('no demo assessment to copy people from');
  const id = (kind: string, n: string) => `md5($1::text || '${kind}' || ${n})::uuid`;
  const params = [nb, from, to, PER_ASSESSMENT, NEEDS_PER_PLAN, people.facilitator, people.org, people.pledger];
  const statements = [
    // Assessments whose first need is in range.
    `insert into needs_assessment (id, created_at, updated_at, neighbourhood_id, organisation_id, facilitator_id, title,
        held_from, held_to, method, criteria, dots_per_participant, status, code, residents, informants, trusted_persons,
        youth, women, officials, voting_opened_at, closed_at)
     select ${id('a', 'k')}, now() - interval '1 year' + k * interval '1 day', now(), $1, $7, $6,
            'نیازسنجی محله، دور ' || (k + 1), date '2025-01-01' + k * 30, date '2025-01-01' + k * 30 + 2, 'MATRIX',
            '[{"key":"severity","label":null,"weightHundredths":300},{"key":"prevalence","label":null,"weightHundredths":200},{"key":"urgency","label":null,"weightHundredths":200},{"key":"feasibility","label":null,"weightHundredths":100}]'::jsonb,
            5, 'CLOSED', lpad((k % 1000000)::text, 6, '0'), 20, 8, 4, 6, 10, 2, now(), now()
       from generate_series($2::int / $4::int, ($3::int - 1) / $4::int) k
      where k * $4::int >= $2::int`,
    `insert into need (id, created_at, updated_at, assessment_id, position, category, title, description, evidence, status, proposed_by_id)
     select ${id('n', 'i')}, now(), now(), md5($1::text || 'a' || (i / $4::int))::uuid, i % $4::int + 1,
            (enum_range(null::need_category))[1 + i % 16], 'نیاز شمارهٔ ' || (i + 1),
            'شرح نیاز شمارهٔ ' || (i + 1) || ' در محله', 'گزارش شورایاری', 'ACCEPTED', $6
       from generate_series($2::int, $3::int - 1) i`,
    `insert into need_score (id, created_at, updated_at, need_id, criterion_key, score)
     select ${id('s', 'i || c')}, now(), now(), md5($1::text || 'n' || i)::uuid, c, (i + length(c)) % 6
       from generate_series($2::int, $3::int - 1) i,
            unnest(array['severity', 'prevalence', 'urgency', 'feasibility']) c`,
    // The frozen ranking of every assessment touched, over all its needs (position = rank, no ties).
    `update needs_assessment a set frozen_ranking = (
       select jsonb_agg(jsonb_build_object('needId', n.id, 'position', n.position, 'rank', n.position, 'tied', false,
                'score', round(5 - n.position * 0.07, 2), 'dots', 0, 'voters', 0) order by n.position)
         from need n where n.assessment_id = a.id)
      where a.neighbourhood_id = $1 and a.id in (
        select md5($1::text || 'a' || k)::uuid from generate_series($2::int / $4::int, ($3::int - 1) / $4::int) k)`,
    `insert into action_plan (id, created_at, updated_at, neighbourhood_id, assessment_id, lead_organisation_id, created_by_id,
        title, goal, expected_results, indicators, status)
     select ${id('p', 'j')}, now() - interval '1 year' + j * interval '1 hour', now(), $1,
            md5($1::text || 'a' || (j * $5::int / $4::int))::uuid, $7, $6,
            'برنامهٔ عمل شمارهٔ ' || (j + 1), 'هدف برنامهٔ ' || (j + 1), 'نتیجهٔ مورد انتظار',
            '[{"name":"شاخص","target":"۱۰"}]'::jsonb, case when j % 10 = 9 then 'COMPLETED' else 'ACTIVE' end::plan_status
       from generate_series(($2::int + $5::int - 1) / $5::int, ($3::int - 1) / $5::int) j`,
    `insert into action_plan_need (action_plan_id, need_id)
     select md5($1::text || 'p' || (i / $5::int))::uuid, md5($1::text || 'n' || i)::uuid
       from generate_series($2::int, $3::int - 1) i`,
    `insert into plan_task (id, created_at, updated_at, plan_id, position, title, lead_organisation_id, start_on, end_on,
        status, progress, budget_rials)
     select ${id('t', "j || '-' || s")}, now(), now(), md5($1::text || 'p' || j)::uuid, s + 1, 'کار ' || (s + 1),
            $7, date '2026-01-01' + s * 60 + j % 30, date '2026-01-01' + s * 60 + j % 30 + 45,
            (array['DONE', 'IN_PROGRESS', 'PLANNED', 'BLOCKED'])[s + 1]::task_status, (array[100, 40, 0, 10])[s + 1],
            (s + 1) * (j % 7 + 1) * 1000000
       from generate_series(($2::int + $5::int - 1) / $5::int, ($3::int - 1) / $5::int) j, generate_series(0, 3) s`,
    `insert into task_resource (id, created_at, updated_at, task_id, position, kind, amount_rials)
     select ${id('r', "j || '-' || s")}, now(), now(), md5($1::text || 't' || j || '-' || s)::uuid, 0, 'CASH',
            (s + 1) * (j % 7 + 1) * 1000000
       from generate_series(($2::int + $5::int - 1) / $5::int, ($3::int - 1) / $5::int) j, generate_series(0, 3) s`,
    `insert into plan_milestone (id, created_at, updated_at, plan_id, title, due_on, reached_on)
     select ${id('m', 'j')}, now(), now(), md5($1::text || 'p' || j)::uuid, 'نیمهٔ راه', date '2026-04-01' + j % 60,
            case when j % 2 = 0 then date '2026-03-20' end
       from generate_series(($2::int + $5::int - 1) / $5::int, ($3::int - 1) / $5::int) j`,
    `insert into plan_update (id, created_at, updated_at, plan_id, author_id, day, text)
     select ${id('u', "j || '-' || s")}, now(), now(), md5($1::text || 'p' || j)::uuid, $6,
            date '2026-02-01' + s * 20 + j % 40, 'گزارش پیشرفت ' || (s + 1)
       from generate_series(($2::int + $5::int - 1) / $5::int, ($3::int - 1) / $5::int) j, generate_series(0, 1) s`,
    `insert into pledge (id, created_at, updated_at, pledger_id, idempotency_key, request_hash, plan_id, task_id,
        organisation_id, kind, amount_rials, item, quantity, unit, anonymous, due_on, status)
     select ${id('g', "j || '-' || s")}, now(), now(), $8, 'bench-' || md5($1::text || 'g' || j || '-' || s), 'bench',
            md5($1::text || 'p' || j)::uuid, md5($1::text || 't' || j || '-1')::uuid, $7,
            (array['CASH', 'IN_KIND'])[s + 1]::pledge_kind,
            case when s = 0 then 50000000 end, case when s = 1 then 'چراغ خورشیدی' end,
            case when s = 1 then 10 end, case when s = 1 then 'عدد' end, s = 1, date '2026-12-15',
            (array['PARTLY_RECEIVED', 'PLEDGED'])[s + 1]::pledge_status
       from generate_series(($2::int + $5::int - 1) / $5::int, ($3::int - 1) / $5::int) j, generate_series(0, 1) s`,
    `insert into receipt (id, created_at, updated_at, pledge_id, organisation_id, recorded_by_id, idempotency_key,
        request_hash, amount_rials, received_on)
     select ${id('c', 'j')}, now(), now(), md5($1::text || 'g' || j || '-0')::uuid, $7, $6,
            'bench-' || md5($1::text || 'c' || j), 'bench', 20000000, date '2026-03-01' + j % 30
       from generate_series(($2::int + $5::int - 1) / $5::int, ($3::int - 1) / $5::int) j`,
  ];
  await db.query('begin');
  try {
    for (const sql of statements) {
      // Each statement uses only some of the parameters; Postgres wants every $n typed, so pass all.
      await db.query(
        `with _p as (select $1::uuid, $2::int, $3::int, $4::int, $5::int, $6::uuid, $7::uuid, $8::uuid) ${sql}`,
        params,
      );
    }
    await db.query('commit');
  } catch (e) {
    await db.query('rollback');
    throw e;
  }
  await db.query('analyze');
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
}

const autocannonPath = createRequire(import.meta.url).resolve('autocannon');

/** One autocannon run in a child process (so the load generator never shares this event loop). */
function cannon(url: string, body: string, connections: number, seconds: number, expect?: string): Promise<Load> {
  const script = `
    const autocannon = require(${JSON.stringify(autocannonPath)});
    let input = '';
    process.stdin.on('data', (d) => (input += d));
    process.stdin.on('end', () => {
    const o = JSON.parse(input);
    const ascii = (s) => s.replace(/[\\u0080-\\uffff]/g, "");
    const expected = o.expect === undefined ? undefined : ascii(o.expect);
    autocannon({ url: o.url, method: 'POST', headers: { 'content-type': 'application/json' }, body: o.body,
                 connections: o.connections, duration: o.seconds, timeout: 60,
                 verifyBody: expected === undefined ? undefined : (body) => ascii(body) === expected }, (err, r) => {
      if (err) { console.error(err); process.exit(1); }
      process.stdout.write(JSON.stringify({ total: r.requests.total, duration: r.duration, p50: r.latency.p50,
        p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts, mismatches: r.mismatches ?? 0 }));
    });
    });`;
  return new Promise((ok, fail) => {
    // The options (with the expected body, which can pass argv's size limit) go in on stdin.
    const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdin.end(JSON.stringify({ url, body, connections, seconds, expect }));
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      if (code !== 0) return fail(new Error(`autocannon exited ${code}`));
      const r = JSON.parse(out) as {
        total: number;
        duration: number;
        p50: number;
        p99: number;
        non2xx: number;
        errors: number;
        timeouts: number;
        mismatches: number;
      };
      if (r.non2xx || r.errors || r.timeouts || r.mismatches) {
        return fail(
          new Error(
            `${url}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts, ${r.mismatches} answers not the expected body`,
          ),
        );
      }
      // No answer within the run: no latency to report (autocannon says 0).
      ok({ rps: r.total / r.duration, p50: r.total ? r.p50 : NaN, p99: r.total ? r.p99 : NaN });
    });
  });
}

/** Warm-up, then REPEATS runs; the median of each figure. */
async function measure(label: string, url: string, body: string, connections: number): Promise<Load> {
  // Every answer must be the right one (a GraphQL error is a 200 too): the same bytes twice in a
  // row are the expected body; when they differ (timings in extensions), no check. autocannon
  // decodes each body chunk on its own, so a Persian letter split across chunks comes out mangled
  // in long answers: under load only the ASCII (structure, ids, figures) is compared, and the
  // letters are checked here, whole.
  const [a, b] = [await text(url, body), await text(url, body)];
  const expect = a === b ? a : undefined;
  await cannon(url, body, connections, WARMUP_SECONDS, expect);
  const runs: Load[] = [];
  for (let i = 0; i < REPEATS; i++) runs.push(await cannon(url, body, connections, SECONDS, expect));
  const m = {
    rps: round(median(runs.map((r) => r.rps))),
    // Runs with no answer have no latency: the median of those that had one.
    p50: round(median(runs.map((r) => r.p50).filter(Number.isFinite))),
    p99: round(median(runs.map((r) => r.p99).filter(Number.isFinite))),
  };
  if (runs.some((r) => r.rps * SECONDS < 10))
    log(`${label}: fewer than 10 answers in a ${SECONDS} s run; rough figures`);
  log(`${label}, ${connections} conn: ${m.rps} rps, p50 ${m.p50} ms, p99 ${m.p99} ms`);
  return m;
}

const listen = (server: Server) =>
  new Promise<string>((ok) =>
    server.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`)),
  );
const close = (server: Server) => new Promise((r) => server.close(r));

/** The floor: a bare handler that reads the variables and answers with the one statement's text. */
async function startFloor(databaseUrl: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL, idleTimeoutMillis: IDLE_MS });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { variables } = JSON.parse(Buffer.concat(chunks).toString()) as { variables: { neighbourhoodId: string } };
      pool.query<{ body: string }>(FLOOR_SQL, [variables.neighbourhoodId, todayInTehran()]).then(
        (r) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(r.rows[0]!.body);
        },
        (e: Error) => {
          res.writeHead(500);
          res.end(e.message);
        },
      );
    });
  });
  const url = await listen(server);
  return {
    url,
    async stop() {
      await close(server);
      await pool.end();
    },
  };
}

/** PostGraphile 5, Amber preset, served by grafserv's node adaptor on a free port. */
async function startPeer(databaseUrl: string, embedded: boolean) {
  // The embedded database is one PGlite session behind a multiplexer shared by every connection:
  // PostGraphile's named prepared statements, made per connection, collide there ("prepared
  // statement ... already exists") and the session then fails for everyone, the app included. So on
  // it, prepared statements are off (@dataplan/pg reads this when first loaded, hence the late imports).
  if (embedded) process.env.DATAPLAN_PG_PREPARED_STATEMENT_CACHE_SIZE ??= '0';
  const { postgraphile } = await import('postgraphile');
  const { makePgService } = await import('postgraphile/adaptors/pg');
  const { grafserv } = await import('postgraphile/grafserv/node');
  const { PostGraphileAmberPreset } = await import('postgraphile/presets/amber');
  const peerPool = new pg.Pool({ connectionString: databaseUrl, max: POOL, idleTimeoutMillis: IDLE_MS });
  const pgl = postgraphile({
    extends: [PostGraphileAmberPreset],
    pgServices: [
      makePgService({
        // Its own pool, ended in stop(): `pgl.release()` left these connections open until the app's
        // embedded server went away under them.
        pool: peerPool,
        schemas: ['public'],
        // No subscriptions here; its LISTEN client would sit idle until the embedded server drops it.
        pubsub: false,
      }),
    ],
    grafserv: { graphiql: false },
  });
  // Introspection warns about the PostGIS columns and two clashing relation names; keep it quiet.
  const warn = console.warn;
  const error = console.error;
  let quiet = 0;
  console.warn = console.error = () => void quiet++;
  try {
    await pgl.getSchema();
  } finally {
    console.warn = warn;
    console.error = error;
  }
  if (quiet) log(`PostGraphile introspection printed ${quiet} warnings (PostGIS types, name clashes); hidden`);
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  await serv.addTo(server);
  const url = await listen(server);
  return {
    url,
    async stop() {
      await close(server);
      await pgl.release();
      await peerPool.end();
    },
  };
}

async function text(url: string, body: string): Promise<string> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const t = await res.text();
  if (!res.ok || (JSON.parse(t) as { errors?: unknown }).errors)
    throw new Error(`${url}: ${res.status} ${t.slice(0, 500)}`);
  return t;
}

async function post(url: string, body: string): Promise<Record<string, unknown>> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok || json.errors) throw new Error(`${url}: ${res.status} ${JSON.stringify(json.errors ?? json)}`);
  return json;
}

/** JSON with sorted keys, to compare two answers regardless of key order. */
const canonical = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(',')}]`
    : v && typeof v === 'object'
      ? `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(v);

export async function run(app: BenchApp): Promise<Figure[]> {
  const figures: Figure[] = [];
  const db = new pg.Client({ connectionString: app.databaseUrl });
  await db.connect();
  const floor = await startFloor(app.databaseUrl);
  let peer: Awaited<ReturnType<typeof startPeer>> | null = null;
  let peerWhy = '';
  try {
    try {
      if (process.env.BENCH_DASHBOARD_PEER === '0') throw new Error('left out by BENCH_DASHBOARD_PEER=0');
      const t0 = performance.now();
      peer = await startPeer(app.databaseUrl, app.mode === 'embedded');
      log(`PostGraphile up in ${Math.round(performance.now() - t0)} ms at ${peer.url}`);
    } catch (e) {
      peerWhy = e instanceof Error ? e.message : String(e);
      log(`PostGraphile could not start: ${peerWhy}`);
    }
    const nb = await freshNeighbourhood(db);
    const statements: number[] = [];
    let have = 0;
    for (const size of SIZES) {
      const t0 = performance.now();
      await grow(db, nb, have, size);
      have = size;
      const oursBody = JSON.stringify({ query: OURS_QUERY, variables: { neighbourhoodId: nb } });
      const peerBody = JSON.stringify({ query: PEER_QUERY, variables: { id: nb } });
      const ours = await post(`${app.url}/graphql`, oursBody);
      const sql = (ours.extensions as { sqlStatements?: number } | undefined)?.sqlStatements ?? null;
      const d = (
        ours.data as { neighbourhoodDashboard: { summary: { needs: number; plans: number; tasksTotal: number } } }
      ).neighbourhoodDashboard;
      log(
        `${size} needs ready in ${Math.round(performance.now() - t0)} ms: ${d.summary.needs} needs, ${d.summary.plans} plans, ` +
          `${d.summary.tasksTotal} tasks; ours ${oursBody.length} B query, ${JSON.stringify(ours.data).length} B answer, ${sql} SQL statements`,
      );
      const floorAnswer = await post(floor.url, oursBody);
      if (canonical(floorAnswer.data) !== canonical(ours.data)) {
        throw new Error(
          `the floor's answer differs from ours at ${size} needs:\n ours  ${canonical(ours.data).slice(0, 600)}\n floor ${canonical(floorAnswer.data).slice(0, 600)}`,
        );
      }
      let peerLen = 0;
      if (peer) {
        const answer = await post(peer.url, peerBody);
        peerLen = JSON.stringify(answer.data).length;
        const n = (answer.data as { neighbourhoodByRowId: { actionPlansByNeighbourhoodId: { totalCount: number } } })
          .neighbourhoodByRowId;
        log(`peer answers ${peerLen} B, ${n.actionPlansByNeighbourhoodId.totalCount} plans`);
      }
      statements.push(sql ?? NaN);
      figures.push({
        workload: W,
        case: `${size} needs`,
        metric: 'SQL statements per request',
        unit: '',
        ours: sql,
        floor: null,
        better: 'lower',
        target: 'the same at every size',
        met: sql === null ? null : statements.every((s) => s === statements[0]),
      });
      for (const c of CONNECTIONS) {
        const o = await measure(`ours ${size} needs`, `${app.url}/graphql`, oursBody, c);
        const f = await measure(`floor ${size} needs`, floor.url, oursBody, c);
        let p: Load | null = null;
        let why = peerWhy;
        if (peer) {
          try {
            p = await measure(`peer ${size} needs`, peer.url, peerBody, c);
          } catch (e) {
            // On the embedded database PostGraphile's pooled connections get dropped under load with
            // large answers; that is reported as no figure, with the reason, not as a failed workload.
            why = e instanceof Error ? e.message : String(e);
            log(`peer ${size} needs, ${c} conn: no figure: ${why}`);
          }
        }
        const peerOf = (k: keyof Load) => ({ label: p ? PEER : `${PEER}: ${why}`, value: p ? num(p[k]) : null });
        const kase = `${size} needs, ${c} conn`;
        figures.push(
          {
            workload: W,
            case: kase,
            metric: 'requests/s',
            unit: 'rps',
            ours: num(o.rps),
            floor: { label: FLOOR, value: num(f.rps) },
            peer: peerOf('rps'),
            better: 'higher',
            target: "≥ PostGraphile's (ref. 210 rps; node-pg handler 1,170 rps)",
            met: p ? o.rps >= p.rps : null,
          },
          {
            workload: W,
            case: kase,
            metric: 'p50 latency',
            unit: 'ms',
            ours: num(o.p50),
            floor: { label: FLOOR, value: num(f.p50) },
            peer: peerOf('p50'),
            better: 'lower',
            target: "≤ PostGraphile's (ref. 6 ms; raw SQL 1.3 ms)",
            met: p ? o.p50 <= p.p50 : null,
          },
          {
            workload: W,
            case: kase,
            metric: 'p99 latency',
            unit: 'ms',
            ours: num(o.p99),
            floor: { label: FLOOR, value: num(f.p99) },
            peer: peerOf('p99'),
            better: 'lower',
          },
        );
      }
    }
    // Statements must not grow with the data: judge every size's figure against the first.
    for (const fig of figures) {
      if (fig.metric === 'SQL statements per request' && fig.ours !== null) fig.met = fig.ours === statements[0];
    }
    log(`SQL statements per request by size: ${SIZES.map((s, i) => `${s} needs: ${statements[i]}`).join(', ')}`);
  } finally {
    await floor.stop();
    await peer?.stop();
    await db.end();
  }
  return figures;
}
