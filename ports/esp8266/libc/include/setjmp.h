/* setjmp for the LX106's call0 ABI: a0 (return address), a1 (stack), a12..a15
 * (callee-saved) are all a longjmp needs, and all a GC scan of a jmp_buf must see. */
#ifndef MPF_ESP_SETJMP_H
#define MPF_ESP_SETJMP_H

typedef unsigned int jmp_buf[6];

int setjmp(jmp_buf env) __attribute__((returns_twice));
void longjmp(jmp_buf env, int value) __attribute__((noreturn));

#endif /* MPF_ESP_SETJMP_H */
