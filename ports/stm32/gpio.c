/* GPIO: the same register layout on F0, F4 and L4; where the ports are is the MCU's. */
#include "port.h"
#include "stm32.h"

void gpio_enable(uint32_t port) {
    REG32(MPF_GPIO_ENABLE_REG) |= 1u << (MPF_GPIO_ENABLE_BIT + port);
    (void)REG32(MPF_GPIO_ENABLE_REG); /* a read back lets the clock reach the port */
}

void gpio_mode(uint32_t port, uint32_t pin, uint32_t mode) {
    gpio_enable(port);
    GPIO_MODER(port) = (GPIO_MODER(port) & ~(3u << (2 * pin))) | (mode << (2 * pin));
}

void gpio_af(uint32_t port, uint32_t pin, uint32_t af) {
    uint32_t shift = 4 * (pin & 7);
    GPIO_AFR(port, pin) = (GPIO_AFR(port, pin) & ~(0xFu << shift)) | (af << shift);
    gpio_mode(port, pin, 2);
}

void gpio_write(uint32_t port, uint32_t pin, int value) {
    /* BSRR: set in the low half, reset in the high half, no read-modify-write */
    GPIO_BSRR(port) = value ? 1u << pin : 1u << (pin + 16);
}

int gpio_read(uint32_t port, uint32_t pin) {
    return (int)((GPIO_IDR(port) >> pin) & 1u);
}
