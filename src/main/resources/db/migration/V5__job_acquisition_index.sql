-- Job acquisition asks for executable jobs: retries left, not suspended, due now or without due date. Stock Camunda
-- 7.24 has no index serving that, so with many pending timers (30-day activation links, 10-day appeal delays…) every
-- acquisition scans them all. This partial index holds only acquirable-state jobs, ordered by due date; the planner
-- answers "due date is null or due date <= now" with two short index scans. Measured by JobAcquisitionBenchmark.
create index act_idx_job_acquisition on act_ru_job (duedate_) where retries_ > 0 and suspension_state_ = 1;
