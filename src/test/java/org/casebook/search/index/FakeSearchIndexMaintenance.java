package org.casebook.search.index;

/**
 * The index maintenance for web slices: it reports the consistency it was given and
 * counts the repairs it was asked for. The real {@link SearchIndexMaintenance} compares
 * PostgreSQL with the search index, neither of which a slice starts. A subclass rather
 * than a Mockito mock, so that a repair already running is refused with the real
 * {@link SearchIndexMaintenance.RepairRunningException}, and tests read as plain code.
 */
public class FakeSearchIndexMaintenance extends SearchIndexMaintenance {

	private Consistency consistency;

	private Consistency afterRepair;

	private boolean repairRunning;

	private RuntimeException failure;

	private int repairs;

	public FakeSearchIndexMaintenance() {
		super(null, null);
		reset();
	}

	public synchronized void reset() {
		this.consistency = new Consistency(0, 0, 0, 0, 0);
		this.afterRepair = this.consistency;
		this.repairRunning = false;
		this.failure = null;
		this.repairs = 0;
	}

	/** What a check finds, and what the index is like after a repair. */
	public synchronized void finds(Consistency consistency, Consistency afterRepair) {
		this.consistency = consistency;
		this.afterRepair = afterRepair;
	}

	/** Another repair holds the lock. */
	public synchronized void repairRunning(boolean running) {
		this.repairRunning = running;
	}

	/** Every check and repair fails with this, as a database that is away does. */
	public synchronized void fails(RuntimeException failure) {
		this.failure = failure;
	}

	/** How many repairs ran. */
	public synchronized int repairs() {
		return this.repairs;
	}

	@Override
	public synchronized Consistency check() {
		if (this.failure != null) {
			throw this.failure;
		}
		return this.consistency;
	}

	@Override
	public synchronized Consistency checkAndRepair() {
		if (this.repairRunning) {
			throw new RepairRunningException();
		}
		if (this.failure != null) {
			throw this.failure;
		}
		this.repairs++;
		return this.afterRepair;
	}

}
