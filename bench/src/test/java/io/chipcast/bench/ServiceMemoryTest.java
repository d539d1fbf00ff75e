package io.chipcast.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** GC.heap_info as JDK 17's jcmd printed it for each collector (addresses shortened). */
class ServiceMemoryTest {

    @Test
    void g1() {
        assertThat(ServiceMemory.usedKilobytes("""
                 garbage-first heap   total 262144K, used 104085K [0x00000000f0000000, 0x0000000100000000)
                  region size 1024K, 1 young (1024K), 0 survivors (0K)
                 Metaspace       used 74K, committed 320K, reserved 1114112K
                  class space    used 3K, committed 128K, reserved 1048576K
                """)).contains(104085L);
    }

    @Test
    void serialSumsBothGenerationsAndNothingElse() {
        assertThat(ServiceMemory.usedKilobytes("""
                 def new generation   total 78656K, used 55397K [0x00000000f0000000, 0x00000000f5550000)
                  eden space 69952K,  79% used [0x00000000f0000000, 0x00000000f36197e8, 0x00000000f4450000)
                  from space 8704K,   0% used [0x00000000f4450000, 0x00000000f4450000, 0x00000000f4cd0000)
                  to   space 8704K,   0% used [0x00000000f4cd0000, 0x00000000f4cd0000, 0x00000000f5550000)
                 tenured generation   total 174784K, used 1200K [0x00000000f5550000, 0x0000000100000000)
                   the space 174784K,   0% used [0x00000000f5550000, 0x00000000f5550000, 0x0000000100000000)
                 Metaspace       used 125K, committed 320K, reserved 1114112K
                  class space    used 4K, committed 128K, reserved 1048576K
                """)).contains(55397L + 1200L);
    }

    @Test
    void parallelSumsBothGenerations() {
        assertThat(ServiceMemory.usedKilobytes("""
                 PSYoungGen      total 76288K, used 56443K [0x00000000fab00000, 0x0000000100000000)
                  eden space 65536K, 86% used [0x00000000fab00000,0x00000000fe21efb8,0x00000000feb00000)
                 ParOldGen       total 175104K, used 300K [0x00000000f0000000, 0x00000000fab00000)
                  object space 175104K, 0% used [0x00000000f0000000,0x00000000f0000000,0x00000000fab00000)
                 Metaspace       used 125K, committed 320K, reserved 1114112K
                """)).contains(56443L + 300L);
    }

    @Test
    void shenandoahInWhicheverUnitItChose() {
        assertThat(ServiceMemory.usedKilobytes("""
                Shenandoah Heap
                 256M max, 256M soft max, 256M committed, 51743K used
                 1024 x 256K regions
                 Metaspace       used 130K, committed 320K, reserved 1114112K
                """)).contains(51743L);
        assertThat(ServiceMemory.usedKilobytes("""
                Shenandoah Heap
                 2048M max, 2048M soft max, 1024M committed, 480M used
                """)).contains(480L * 1024);
    }

    @Test
    void nothingForOutputItDoesNotKnow() {
        assertThat(ServiceMemory.usedKilobytes(" Metaspace       used 130K, committed 320K, reserved 1114112K\n")).isEmpty();
    }
}
