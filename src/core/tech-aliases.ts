/**
 * Names job ads use for things ESCO files under another label. Each alias points at an ESCO *preferred label*
 * (English); the lexicon resolves it to a URI at load and silently drops targets a given ESCO release lacks.
 * Kept deliberately small: only mappings a practitioner would not argue about.
 */
export const TECH_ALIASES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'tools for software configuration management': ['Git', 'GitHub', 'GitLab', 'Bitbucket', 'version control', 'source control'],
  'cloud technologies': ['AWS', 'Amazon Web Services', 'Azure', 'Microsoft Azure', 'GCP', 'Google Cloud', 'Google Cloud Platform', 'cloud computing'],
  'JavaScript Framework': ['React', 'React.js', 'ReactJS', 'Angular', 'AngularJS', 'Vue', 'Vue.js', 'Next.js', 'Svelte'],
  JavaScript: ['Node.js', 'NodeJS', 'ES6', 'ECMAScript'],
  DevOps: ['CI/CD', 'continuous integration', 'continuous delivery', 'continuous deployment'],
  'Agile project management': ['Scrum', 'Kanban'],
  'operating systems': ['Linux', 'Unix', 'UNIX'],
  'C#': ['C Sharp', 'CSharp'],
  'database management systems': ['RDBMS', 'DBMS'],
});

/**
 * Well-known tools ESCO has no concept for. A phrase that is exactly one of these is not sent to the dense
 * search on its own, where it would only find look-alike words ("Docker" → "dock operations").
 */
export const TECH_WITHOUT_ESCO_CONCEPT: ReadonlySet<string> = new Set(
  ['Docker', 'Kubernetes', 'K8s', 'Terraform', 'Kafka', 'Apache Kafka', 'Helm', 'Grafana', 'Prometheus', 'Redis', 'Elasticsearch', 'RabbitMQ', 'GraphQL', 'gRPC', 'Airflow', 'Snowflake', 'dbt', 'Databricks', 'Figma', 'Jira', 'Confluence', 'Slack', 'OpenShift', 'Vault', 'Consul', 'Nginx', 'Istio', 'ArgoCD', 'FastAPI', 'Flask', 'Django', 'Rails', 'Laravel', 'Tailwind'].map((t) => t.toLowerCase()),
);
